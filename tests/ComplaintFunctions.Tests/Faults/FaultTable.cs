using System.Globalization;

namespace ComplaintFunctions.Tests.Faults;

/// <summary>
/// One row per fault scenario, written where <c>scripts/faults</c> prints them from
/// (<c>TestResults/faults/</c>), so the figures a run measured are the figures shown.
/// </summary>
public static class FaultTable
{
    public static string Folder => Path.Combine(ComplaintFunctions.LocalHost.RepositoryRoot.Find(), "TestResults", "faults");

    /// <summary>Writes the scenario's row, replacing the one an earlier run wrote.</summary>
    public static void Write(string scenario, FaultScale scale, int inputs, int accepted, int lost, int doubled, int wrongAnswers, string figure)
    {
        ArgumentNullException.ThrowIfNull(scale);
        Directory.CreateDirectory(Folder);
        var row = string.Create(CultureInfo.InvariantCulture, $"| {scenario} | {scale.Name} | {inputs} | {accepted} | {lost} | {doubled} | {wrongAnswers} | {figure} |");
        File.WriteAllText(Path.Combine(Folder, scenario.Replace(' ', '-') + ".md"), row + Environment.NewLine);
    }
}
