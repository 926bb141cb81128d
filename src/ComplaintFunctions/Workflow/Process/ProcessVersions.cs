namespace ComplaintFunctions.Workflow;

/// <summary>
/// The orchestration version (Durable's <c>context.Version</c>, host.json's <c>defaultVersion</c>).
/// Version 2 is the process as a decision table; an instance of version 1 (an empty version: the
/// cases opened before) replays its current episode with the code it was written with and then
/// continues as version 2.
/// </summary>
public static class ProcessVersions
{
    // "2.0", not "2": the SDK compares versions as System.Version when both parse, and "2" does not.
    public const string Current = "2.0";

    /// <summary>An instance started before versions were set has an empty version.</summary>
    public static bool IsLegacy(string? version) => string.IsNullOrEmpty(version) || version is "1" or "1.0";
}
