using Azure.Data.Tables;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Storage;

namespace ComplaintFunctions.Workflow;

/// <summary>
/// The texts people write on a case (an answer, a question, a reason). They are stored here and
/// only their reference travels through the orchestration, so its history stays small.
/// </summary>
public sealed class CaseTexts(AppTables tables)
{
    public const int MaxLength = 20_000;

    public async Task<string> SaveAsync(CaseNumber caseNumber, string kind, string text, string author, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var table = await tables.GetAsync(TableNames.CaseTexts);
        var reference = Guid.NewGuid().ToString("N");
        await table.AddEntityAsync(
            new TableEntity(caseNumber.Digits, reference) { ["Kind"] = kind, ["Text"] = text.Length > MaxLength ? text[..MaxLength] : text, ["Author"] = author, ["At"] = at },
            cancellationToken);
        return reference;
    }

    public async Task<string?> ReadAsync(CaseNumber caseNumber, string? reference, CancellationToken cancellationToken = default)
    {
        if (reference is null)
        {
            return null;
        }

        var table = await tables.GetAsync(TableNames.CaseTexts);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(caseNumber.Digits, reference, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value?.GetString("Text") : null;
    }
}
