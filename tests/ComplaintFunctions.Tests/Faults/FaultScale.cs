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
}
