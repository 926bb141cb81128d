namespace ComplaintFunctions.Tests.Faults;

/// <summary>
/// How hard the fault suite pushes: the test command runs the quick scale (a few items per fault, so
/// every mechanism is crossed on every commit); <c>scripts/faults</c> runs the full one the README
/// reports (<c>FAULT_SCALE=full</c>).
/// </summary>
public sealed record FaultScale(
    string Name,
    int Kills,
    int CrashComplaints,
    int CrashMails,
    int OutageComplaints,
    TimeSpan[] Outages,
    int StormComplaints,
    int RedeliveredMails,
    int HostileInputs)
{
    public static FaultScale Quick { get; } = new("quick", Kills: 2, CrashComplaints: 12, CrashMails: 4, OutageComplaints: 8, Outages: [TimeSpan.FromSeconds(10)], StormComplaints: 8, RedeliveredMails: 16, HostileInputs: 300);

    public static FaultScale Full { get; } = new("full", Kills: 20, CrashComplaints: 200, CrashMails: 50, OutageComplaints: 100, Outages: [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60)], StormComplaints: 100, RedeliveredMails: 500, HostileInputs: 5000);

    public static FaultScale Current { get; } =
        string.Equals(Environment.GetEnvironmentVariable("FAULT_SCALE"), "full", StringComparison.OrdinalIgnoreCase) ? Full : Quick;

    /// <summary>True when the full scale runs (its scenarios may take minutes).</summary>
    public bool IsFull => ReferenceEquals(this, Full);

    /// <summary>
    /// How long a message a dead or cut-off worker had taken stays hidden: Durable's control and
    /// work-item queues and the inbox message the queue trigger was running. The full run keeps Azure's
    /// 5 minutes; the quick one shortens them (host.json's override, the runner's setting) to 20 s, so
    /// the same redelivery happens within the test command's time.
    /// </summary>
    public TimeSpan Visibility => IsFull ? TimeSpan.FromMinutes(5) : TimeSpan.FromSeconds(20);

    /// <summary>The settings that give a runner <see cref="Visibility"/> (none in the full run).</summary>
    public Dictionary<string, string?> VisibilitySettings() => IsFull
        ? []
        : new()
        {
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:controlQueueVisibilityTimeout"] = "00:00:20",
            ["AzureFunctionsJobHost:extensions:durableTask:storageProvider:workItemQueueVisibilityTimeout"] = "00:00:20",
            ["LocalRunner:QueueProcessingVisibility"] = "00:00:20",
        };
}
