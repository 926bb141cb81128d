using ComplaintFunctions.Domain.Service;
using ComplaintFunctions.Settings;
using ComplaintFunctions.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Tests.Settings;

public class SettingsCheckTests
{
    static IReadOnlyList<UnknownSetting> Unknown(Dictionary<string, string?> settings) =>
        new SettingsCheck(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), AppSettings.Sections).FindUnknown();

    [Fact]
    public void Known_keys_of_every_kind_are_not_reported()
    {
        Assert.Empty(Unknown(new()
        {
            ["CustomerService:ProgressAfter"] = "00:02:00",
            ["customerservice:reminderlead"] = "00:00:30",
            ["Pipeline:TimeZone"] = "Europe/Oslo",
            ["BusinessHours:Default:Monday"] = "00:00-24:00",
            ["BusinessHours:SE:Friday"] = "08:00-15:00",
            ["BusinessHours:NO:ExtraClosedDates:0"] = "2026-12-31",
            ["BusinessHours:NO:ExtraClosedDates:1"] = "2027-01-02",
            ["Triage:ClaimYears:SE"] = "3",
            ["Triage:LongLivedGoodsYears:NO"] = "5",
            ["Disputes:RetailerEstablishedIn:0"] = "NO",
            ["Links:PreviousKeyValidUntil"] = "2027-01-01T00:00:00Z",
            // Not the app's: the host's, the runtime's, the machine's.
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2",
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["MAIL"] = "/var/mail/root",
            ["LINES"] = "40",
        }));
    }

    [Fact]
    public void The_old_README_example_Pipeline_ProgressInterval_is_reported_and_points_to_ProgressAfter()
    {
        var unknown = Assert.Single(Unknown(new() { ["Pipeline:ProgressInterval"] = "00:02:00" }));

        Assert.Equal("Pipeline:ProgressInterval", unknown.Key);
        Assert.Equal("CustomerService:ProgressAfter", unknown.Suggestion);
        Assert.Equal("Pipeline:ProgressInterval is not a setting and is ignored; did you mean CustomerService:ProgressAfter?", unknown.ToString());
    }

    [Fact]
    public void A_typo_suggests_the_name_in_the_same_section()
    {
        var unknown = Assert.Single(Unknown(new() { ["CustomerService:ProgresAfter"] = "00:02:00" }));

        Assert.Equal("CustomerService:ProgresAfter", unknown.Key);
        Assert.Equal("CustomerService:ProgressAfter", unknown.Suggestion);
    }

    [Theory]
    [InlineData("BusinessHours:NO:Mondy", "BusinessHours:NO:Monday")]
    [InlineData("BusinessHours:Monday", "BusinessHours:Default:Monday")]
    [InlineData("BusinessHours:NOR:Monday", "BusinessHours:NO:Monday")]
    [InlineData("Triage:ClaimYears:SW", "Triage:ClaimYears:SE")]
    [InlineData("Staff:CustomerServiceEmail", "Mail:CustomerServiceEmail")]
    [InlineData("Links:SigningKy", "Links:SigningKey")]
    [InlineData("CustomerServices:ProgressAfter", "CustomerService:ProgressAfter")]
    public void Unknown_keys_in_nested_sections_dictionaries_and_misspelt_sections_get_the_nearest_known_name(string key, string suggestion)
    {
        var unknown = Assert.Single(Unknown(new() { [key] = "x" }));

        Assert.Equal(key, unknown.Key);
        Assert.Equal(suggestion, unknown.Suggestion);
    }

    [Fact]
    public void A_key_with_nothing_near_it_is_reported_without_a_suggestion()
    {
        var unknown = Assert.Single(Unknown(new() { ["Mail:Xyz"] = "1" }));

        Assert.Null(unknown.Suggestion);
        Assert.Equal("Mail:Xyz is not a setting and is ignored", unknown.ToString());
    }

    [Fact]
    public void The_sample_settings_produce_no_warning()
    {
        Assert.Empty(new SettingsCheck(LocalSettingsFile.Configuration("local.settings.sample.json"), AppSettings.Sections).FindUnknown());
    }

    [Fact]
    public void Every_options_class_the_pipeline_binds_is_in_the_checked_sections()
    {
        var services = new ServiceCollection().AddComplaintPipeline(new ConfigurationBuilder().Build());
        var bound = services
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(d => d.ServiceType.GetGenericArguments()[0])
            .Distinct()
            .ToList();

        Assert.NotEmpty(bound);
        Assert.All(bound, type => Assert.Contains(AppSettings.Sections, s => s.OptionsType == type));
        var countries = services.Select(d => d.ImplementationInstance).OfType<IOptionsChangeTokenSource<BusinessHoursOptions>>().Select(s => s.Name);
        Assert.All(countries, name => Assert.Contains(AppSettings.Sections, s => s.Path == $"{BusinessHoursOptions.Section}:{name}"));
        Assert.Contains(AppSettings.Sections, s => s.Path == BusinessHoursOptions.DefaultSection);
    }

    [Fact]
    public async Task The_pipeline_warns_about_an_unknown_key_when_its_host_starts()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pipeline:ProgressInterval"] = "00:02:00",
            [$"{CustomerServiceOptions.Section}:ReminderLead"] = "00:00:30",
        }).Build();
        var lines = new List<string>();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(new ListLoggerProvider(lines)))
            .AddComplaintPipeline(configuration)
            .BuildServiceProvider();

        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var line = Assert.Single(lines);
        Assert.Equal("Warning: Pipeline:ProgressInterval is not a setting and is ignored; did you mean CustomerService:ProgressAfter?", line);
    }

    sealed class ListLoggerProvider(List<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(lines);

        public void Dispose()
        {
        }

        sealed class ListLogger(List<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    lines.Add($"{logLevel}: {formatter(state, exception)}");
                }
            }
        }
    }
}
