using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Telemetry;
using ComplaintFunctions.Tests.Support;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>
/// A case through the local runner, with the app's log categories at Information and every line
/// kept with its scopes: each line of the case carries its case number as a property, and no line
/// holds the customer's address, name, phone number or what they or the agent wrote. The metrics
/// operations watch are measured on the way.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TelemetryTests(AzuriteFixture azurite) : IAsyncLifetime, IDisposable
{
    readonly CapturingLoggerProvider logs = new();
    readonly ConcurrentQueue<(string Name, double Value, Dictionary<string, string?> Tags)> measurements = new();
    MeterListener? listener;
    RunnerClient runner = null!;

    public async Task InitializeAsync()
    {
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ComplaintMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Keep(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Keep(i, v, tags));
        listener.Start();

        runner = await RunnerClient.StartAsync(
            azurite,
            "telemetry" + Guid.NewGuid().ToString("N")[..8],
            new Dictionary<string, string?>
            {
                ["CustomerService:FirstResponseTarget"] = "00:00:06",
                ["CustomerService:ReminderLead"] = "00:00:02",
            },
            logging: logging =>
            {
                logging.AddProvider(logs);
                logging.AddFilter("ComplaintFunctions", LogLevel.Information);
            });
    }

    void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var kept = new Dictionary<string, string?>();
        foreach (var (key, tag) in tags)
        {
            kept[key] = tag?.ToString();
        }

        measurements.Enqueue((instrument.Name, value, kept));
    }

    public async Task DisposeAsync() => await runner.DisposeAsync();

    public void Dispose()
    {
        listener?.Dispose();
        logs.Dispose();
    }

    [Fact]
    public async Task Every_log_line_of_a_case_carries_its_case_number_and_none_holds_personal_data()
    {
        var unique = Guid.NewGuid().ToString("N")[..6];
        var email = $"solveig.{unique}@example.no";
        var name = $"Solveig Testhaug {new string([.. unique.Select(c => (char)('a' + (c % 26)))])}";
        var phone = "+47 415 98 762";
        var description = $"Skjermen blinker lilla og grønt etter oppdateringen {unique}.";
        var answer = $"Vi sender deg en ny skjerm med bud i morgen {unique}.";

        var driver = await new CaseDriver(runner, email).ReportAsync(new
        {
            name,
            email,
            phone,
            description,
            category = "claim",
            country = "NO",
            language = "en",
            deliveryDate = DateTime.UtcNow.AddMonths(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        });
        var caseNumber = driver.CaseNumber;

        // The acknowledgement, the team's missed target (escalation), then an answer through a link.
        await driver.CustomerMailAsync("We have received your complaint");
        var assignment = await driver.MailAsync(CaseDriver.Team, "Ny klage");
        await driver.MailAsync(CaseDriver.Lead, "Frist passert");
        await driver.ActAsync(CaseDriver.LinkAfter(assignment, "Svar kunden:"), answer);
        await driver.CustomerMailAsync("Answer to your complaint");
        await RunnerClient.EventuallyAsync(
            () => Task.FromResult(logs.Lines.FirstOrDefault(l => l.Category.EndsWith(".CaseWorkActivities", StringComparison.Ordinal) && l.Message.Contains(nameof(Notifications.MailKind.AgentAnswer), StringComparison.Ordinal))),
            "the log line of the answer mail");

        var lines = logs.Lines;
        var app = lines.Where(l => l.Category.StartsWith("ComplaintFunctions.", StringComparison.Ordinal) && !l.Category.StartsWith("ComplaintFunctions.LocalHost", StringComparison.Ordinal)).ToList();

        // The case's lines come from every part that handled it, each with the case number as a scope property.
        var ofCase = app.Where(l => l.ScopeValue(CaseLogScope.PropertyName) == caseNumber).ToList();
        foreach (var part in new[] { "Intake.ComplaintIntake", "Workflow.CaseWorkActivities", "Workflow.ComplaintCase", "Actions.ActionLinkFunctions" })
        {
            Assert.True(ofCase.Any(l => l.Category == "ComplaintFunctions." + part), $"No line of the case from {part}. Lines:\n{string.Join("\n", app)}");
        }

        Assert.Contains(ofCase, l => l.Level == LogLevel.Warning && l.Message.Contains("target passed", StringComparison.Ordinal));
        Assert.Contains(ofCase, l => l.Message.Contains("Mail Acknowledgement", StringComparison.Ordinal));

        // Only this case ran on this runner, so every line of the app is one of its lines.
        var without = app.Where(l => l.ScopeValue(CaseLogScope.PropertyName) != caseNumber).ToList();
        Assert.True(without.Count == 0, "Lines without the case's number:\n" + string.Join("\n", without));

        // Nothing personal anywhere: not in the app's lines, the runner's or the libraries'.
        foreach (var secret in new[] { email, name, phone, description, answer, "Solveig", "Testhaug", unique })
        {
            var leaking = lines.Where(l => l.AllText().Contains(secret, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(leaking.Count == 0, $"'{secret}' is in the logs:\n{string.Join("\n", leaking)}");
        }

        // The figures operations watch.
        Assert.Contains(measurements, m => m.Name == ComplaintMetrics.ComplaintsReceivedName && m.Tags.GetValueOrDefault("channel") == Channel.WebForm.ToWire());
        Assert.Contains(measurements, m => m.Name == ComplaintMetrics.AcknowledgementLatencyName && m.Value >= 0 && m.Value < 60);
        Assert.Contains(measurements, m => m.Name == ComplaintMetrics.SlaBreachesName && m.Tags.GetValueOrDefault("stage") == "customer-service");
    }
}
