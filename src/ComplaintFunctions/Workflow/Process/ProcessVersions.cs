namespace ComplaintFunctions.Workflow;

/// <summary>
/// The orchestration version (Durable's <c>context.Version</c>, host.json's <c>defaultVersion</c>).
/// Version 2 is the process as a decision table, version 3 the same with fewer round trips (below); an instance of version 1 (an empty version: the
/// cases opened before) replays its current episode with the code it was written with and then
/// continues as version 2.
/// </summary>
public static class ProcessVersions
{
    // "3.0", not "3": the SDK compares versions as System.Version when both parse, and "3" does not.
    public const string Current = "3.0";

    /// <summary>
    /// From version 3 an episode's steps, mails and service state go to storage in one activity, and a
    /// new case waits for its first input in the execution that opened it. An episode of version 2 still
    /// running when version 3 is deployed replays as it was written (one activity each, its own
    /// ContinueAsNew) and continues as version 3.
    /// </summary>
    public static bool CarriesOutTogether(string? version) => System.Version.TryParse(version, out var v) && v.Major >= 3;

    /// <summary>An instance started before versions were set has an empty version.</summary>
    public static bool IsLegacy(string? version) => string.IsNullOrEmpty(version) || version is "1" or "1.0";
}
