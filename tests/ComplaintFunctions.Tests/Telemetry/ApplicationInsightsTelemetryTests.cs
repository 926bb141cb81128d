using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Telemetry;
using Microsoft.ApplicationInsights;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.ApplicationInsights;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Tests.Telemetry;

/// <summary>The app's Application Insights wiring: off without a connection string, complete with one, and the metrics reach it.</summary>
public sealed class ApplicationInsightsTelemetryTests
{
    // A key of zeros and an endpoint nothing listens on: nothing is sent anywhere from a test.
    const string TestConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/";

    /// <summary>The services Program.cs registers (not resolved: the worker's own need a Functions host to talk to).</summary>
    static IServiceCollection AppServices(string? connectionString)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration[ApplicationInsightsTelemetry.ConnectionStringSetting] = connectionString;
        builder.ConfigureFunctionsWebApplication();
        builder.UseComplaintPipeline(builder.Configuration);
        return builder.Services;
    }

    [Fact]
    public void Without_a_connection_string_nothing_of_Application_Insights_is_registered()
    {
        var services = AppServices(null);

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(TelemetryClient));
        Assert.DoesNotContain(services, d => d.ImplementationType == typeof(MetricsToApplicationInsights));
        Assert.DoesNotContain(services, d => d.ImplementationType == typeof(ApplicationInsightsLoggerProvider));
    }

    [Fact]
    public async Task With_a_connection_string_logs_at_the_apps_levels_and_metrics_go_to_Application_Insights()
    {
        var services = AppServices(TestConnectionString);

        Assert.Contains(services, d => d.ServiceType == typeof(TelemetryClient));
        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(MetricsToApplicationInsights));
        Assert.Contains(services, d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ApplicationInsightsLoggerProvider));

        // The SDK's own "warnings only" rule is gone, so Information lines of a case reach it too.
        await using var provider = services.BuildServiceProvider();
        var rules = provider.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.Rules;
        Assert.DoesNotContain(rules, r => r.ProviderName == typeof(ApplicationInsightsLoggerProvider).FullName && r.CategoryName is null);
        Assert.NotNull(provider.GetRequiredService<TelemetryClient>());
    }

    [Fact]
    public async Task The_pipelines_metrics_are_tracked_as_Application_Insights_metrics_with_their_tags()
    {
        var channel = new KeepingChannel();
        using var configuration = new TelemetryConfiguration { ConnectionString = TestConnectionString, TelemetryChannel = channel };
        var client = new TelemetryClient(configuration);
        using var bridge = new MetricsToApplicationInsights(client);
        await bridge.StartAsync(CancellationToken.None);

        ComplaintMetrics.ComplaintReceived(Channel.Email);
        ComplaintMetrics.ComplaintReceived(Channel.Email);
        ComplaintMetrics.AcknowledgementSent(TimeSpan.FromSeconds(3));
        await bridge.StopAsync(CancellationToken.None);
        client.Flush();

        var metrics = channel.Sent.OfType<MetricTelemetry>().ToList();
        var received = Assert.Single(metrics, m => m.Name == ComplaintMetrics.ComplaintsReceivedName && m.Properties.TryGetValue("channel", out var c) && c == "email");
        Assert.True(received.Sum >= 2);
        Assert.Equal(ComplaintMetrics.MeterName, received.MetricNamespace);
        Assert.Contains(metrics, m => m.Name == ComplaintMetrics.AcknowledgementLatencyName && m.Max >= 3);
    }

    sealed class KeepingChannel : ITelemetryChannel
    {
        readonly List<ITelemetry> sent = [];

        public IReadOnlyList<ITelemetry> Sent
        {
            get
            {
                lock (sent)
                {
                    return [.. sent];
                }
            }
        }

        public bool? DeveloperMode { get; set; }

        public string? EndpointAddress { get; set; }

        public void Send(ITelemetry item)
        {
            lock (sent)
            {
                sent.Add(item);
            }
        }

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
    }
}
