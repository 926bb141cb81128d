using System.Diagnostics.Metrics;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Notifications;

namespace ComplaintFunctions.Telemetry;

/// <summary>
/// The figures operations watch, on one <see cref="Meter"/> named <see cref="MeterName"/>, created once
/// per process. Tags are low-cardinality words (a channel, a mail kind, a stage), never a case number
/// or anything a customer wrote. In Azure they reach Application Insights as custom metrics
/// (<see cref="ApplicationInsightsTelemetry"/>); locally anything listening to the meter sees them.
/// </summary>
public static class ComplaintMetrics
{
    public const string MeterName = "ComplaintFunctions";

    public const string ComplaintsReceivedName = "complaints.received";
    public const string AcknowledgementLatencyName = "complaints.acknowledgement.latency";
    public const string SlaBreachesName = "complaints.sla.breaches";
    public const string MailsFailedName = "mails.failed";
    public const string PoisonMessagesName = "queue.poison.messages";

    static readonly Meter Meter = new(MeterName);

    static readonly Counter<long> ComplaintsReceived = Meter.CreateCounter<long>(
        ComplaintsReceivedName, "{complaint}", "New cases, by the channel they came through.");

    static readonly Histogram<double> AcknowledgementLatency = Meter.CreateHistogram<double>(
        AcknowledgementLatencyName, "s", "From the case opening to its acknowledgement mail being sent.");

    static readonly Counter<long> SlaBreaches = Meter.CreateCounter<long>(
        SlaBreachesName, "{breach}", "Targets that passed and were escalated, by stage.");

    static readonly Counter<long> MailsFailed = Meter.CreateCounter<long>(
        MailsFailedName, "{mail}", "Mails that failed after every retry, by kind.");

    static readonly Counter<long> PoisonMessages = Meter.CreateCounter<long>(
        PoisonMessagesName, "{message}", "Queue messages that failed their last attempt and go to the poison queue, by queue.");

    public static void ComplaintReceived(Channel channel) =>
        ComplaintsReceived.Add(1, new KeyValuePair<string, object?>("channel", channel.ToWire()));

    public static void AcknowledgementSent(TimeSpan sinceOpened) =>
        AcknowledgementLatency.Record(Math.Max(0, sinceOpened.TotalSeconds));

    /// <param name="stage">customer-service, ombudsman or compliance.</param>
    public static void SlaBreached(string stage) =>
        SlaBreaches.Add(1, new KeyValuePair<string, object?>("stage", stage));

    public static void MailFailed(MailKind kind) =>
        MailsFailed.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));

    public static void PoisonMessage(string queue) =>
        PoisonMessages.Add(1, new KeyValuePair<string, object?>("queue", queue));
}
