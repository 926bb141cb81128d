using System.Globalization;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Service;
using ComplaintFunctions.Settings;
using ComplaintFunctions.Workflow;
using Microsoft.Extensions.Configuration;

namespace ComplaintFunctions.Tests.Settings;

/// <summary><c>local.settings.quick.json</c> (<c>scripts/run-local --quick</c>): a whole case in minutes.</summary>
public class QuickSettingsTests
{
    const string File = "local.settings.quick.json";
    const string PollingInterval = "AzureFunctionsJobHost:extensions:durableTask:storageProvider:maxQueuePollingInterval";

    static readonly IConfiguration Quick = LocalSettingsFile.Configuration(File);

    static T Bind<T>(string section)
        where T : new() => Quick.GetSection(section).Get<T>() ?? new T();

    [Fact]
    public void Every_key_is_a_known_setting_of_the_app_or_the_polling_interval_of_the_host()
    {
        var check = new SettingsCheck(Quick, AppSettings.Sections);

        Assert.Empty(check.FindUnknown());
        Assert.All(LocalSettingsFile.Values(File).Keys, key => Assert.True(key == PollingInterval || check.IsKnown(key), $"{key} is not a setting"));
    }

    [Fact]
    public void The_durations_parse_and_run_from_seconds_to_a_few_minutes()
    {
        var durations = LocalSettingsFile.Values(File)
            .Where(p => p.Key.StartsWith(CustomerServiceOptions.Section + ":", StringComparison.Ordinal) || p.Key.StartsWith(DisputeOptions.Section + ":", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(durations);
        Assert.All(durations, p =>
        {
            var value = TimeSpan.Parse(p.Value!, CultureInfo.InvariantCulture);
            Assert.InRange(value, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(10));
        });
        Assert.Equal(TimeSpan.FromSeconds(1), TimeSpan.Parse(Quick[PollingInterval]!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_clocks_are_in_a_sensible_order()
    {
        var service = Bind<CustomerServiceOptions>(CustomerServiceOptions.Section);
        var disputes = Bind<DisputeOptions>(DisputeOptions.Section);

        // A reminder comes before its target, with time left to answer after it.
        Assert.True(service.ReminderLead < service.FirstResponseTarget);
        Assert.True(service.ReminderLead < service.NextResponseTarget);
        Assert.True(disputes.OmbudsmanReminderLead < disputes.OmbudsmanReviewTarget);

        // As in production: the team's target comes before a progress mail is owed.
        Assert.True(service.FirstResponseTarget < service.ProgressAfter);

        // A person has at least a minute to click a link in a mail; the links outlive every clock.
        var windows = new[] { service.CustomerReplyWindow, service.WaitingForCustomerWindow, service.ManufacturerWindow, disputes.DecisionReplyWindow };
        Assert.All(windows, w => Assert.True(w >= TimeSpan.FromMinutes(1)));
        var clocks = windows.Concat([service.FirstResponseTarget, service.NextResponseTarget, service.ProgressAfter, disputes.OmbudsmanReviewTarget, disputes.BodyReminderEvery, disputes.ComplianceDeadline]);
        Assert.All(clocks, c => Assert.True(c < service.ActionLinkLifetime));

        // Every clock is several polls of the Durable queues long, so timers are not noticeably late.
        var poll = TimeSpan.Parse(Quick[PollingInterval]!, CultureInfo.InvariantCulture);
        Assert.All(clocks.Append(service.ReminderLead).Append(disputes.OmbudsmanReminderLead), c => Assert.True(c >= 10 * poll));
    }

    [Fact]
    public void The_calendar_is_open_around_the_clock_on_every_day_and_holiday_in_every_country()
    {
        foreach (var country in Enum.GetValues<Country>())
        {
            var hours = Bind<BusinessHoursOptions>(BusinessHoursOptions.DefaultSection);
            var calendar = new BusinessCalendar(country, hours);
            var christmas = new DateTimeOffset(2026, 12, 25, 3, 0, 0, TimeSpan.Zero);
            for (var at = christmas; at < christmas.AddDays(7); at = at.AddMinutes(37))
            {
                Assert.True(calendar.IsOpen(at), $"{country} closed at {at:O}");
            }
        }
    }
}
