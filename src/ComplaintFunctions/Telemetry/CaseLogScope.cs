using System.Collections;
using ComplaintFunctions.Domain.Complaints;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Telemetry;

/// <summary>
/// The scope every log line of a case is written in: one property, <c>CaseNumber</c>, which
/// Application Insights keeps as a custom dimension and the console shows with scopes on. Nothing
/// else of the case goes in it; names, addresses, phone numbers and what people wrote never do.
/// </summary>
public sealed class CaseLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string PropertyName = "CaseNumber";

    readonly KeyValuePair<string, object?> property;

    CaseLogScope(string caseNumber) => property = new(PropertyName, caseNumber);

    public string CaseNumber => (string)property.Value!;

    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? property : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return property;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{PropertyName}:{CaseNumber}";

    public static CaseLogScope For(CaseNumber caseNumber) => new(caseNumber.Value);

    /// <summary>For case numbers as they travel in payloads; anything that is not one is kept out of the logs.</summary>
    public static CaseLogScope For(string caseNumber) =>
        new(Domain.Complaints.CaseNumber.TryParse(caseNumber, out var parsed) ? parsed.Value : "(not a case number)");
}

public static class CaseLogging
{
    /// <summary>Opens the case's scope: every line logged until it is disposed carries the case number.</summary>
    public static IDisposable? BeginCaseScope(this ILogger logger, CaseNumber caseNumber)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return logger.BeginScope(CaseLogScope.For(caseNumber));
    }

    /// <inheritdoc cref="BeginCaseScope(ILogger, CaseNumber)"/>
    public static IDisposable? BeginCaseScope(this ILogger logger, string caseNumber)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return logger.BeginScope(CaseLogScope.For(caseNumber));
    }
}
