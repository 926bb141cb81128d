using Azure.Data.Tables;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Storage;

namespace ComplaintFunctions.Workflow;

/// <summary>One text written on a case.</summary>
/// <param name="Amount">The amount the text came with (a final answer's refund), so the person approving it sees both.</param>
/// <param name="Reference">The text's id on the case.</param>
public sealed record CaseText(string Kind, string Text, string Author, DateTimeOffset At, decimal? Amount = null, string? Reference = null);

/// <summary>
/// The texts people write on a case (an answer, a question, a reason). They are stored here and
/// only their reference travels through the orchestration, so its history stays small.
/// </summary>
public sealed class CaseTexts(AppTables tables)
{
    public const int MaxLength = 20_000;

    public Task<string> SaveAsync(CaseNumber caseNumber, string kind, string text, string author, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        SaveAsync(caseNumber, kind, text, author, at, null, cancellationToken);

    /// <param name="reference">The text's id when it comes from an input with an identity (a link's action, a mail's hash), so saving it again keeps one text; a new id when null.</param>
    public Task<string> SaveAsync(CaseNumber caseNumber, string kind, string text, string author, DateTimeOffset at, string? reference, CancellationToken cancellationToken = default) =>
        SaveAsync(caseNumber, kind, text, author, at, reference, null, cancellationToken);

    /// <param name="amount">An amount that belongs with the text (kept as text: Table Storage has no decimal).</param>
    public async Task<string> SaveAsync(CaseNumber caseNumber, string kind, string text, string author, DateTimeOffset at, string? reference, decimal? amount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var table = await tables.GetAsync(TableNames.CaseTexts);
        reference ??= Guid.NewGuid().ToString("N");
        try
        {
            var entity = new TableEntity(caseNumber.Digits, reference) { ["Kind"] = kind, ["Text"] = text.Length > MaxLength ? text[..MaxLength] : text, ["Author"] = author, ["At"] = at };
            if (amount is { } a)
            {
                entity["Amount"] = a.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await table.AddEntityAsync(entity, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 409)
        {
            // Saved by an earlier attempt of the same input.
        }

        return reference;
    }

    /// <summary>Every text on the case, oldest first.</summary>
    public async Task<IReadOnlyList<CaseText>> ListAsync(CaseNumber caseNumber, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.CaseTexts);
        var list = new List<CaseText>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => x.PartitionKey == caseNumber.Digits, cancellationToken: cancellationToken))
        {
            decimal? amount = decimal.TryParse(e.GetString("Amount"), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var a) ? a : null;
            list.Add(new CaseText(e.GetString("Kind"), e.GetString("Text"), e.GetString("Author"), e.GetDateTimeOffset("At") ?? default, amount, e.RowKey));
        }

        return list.OrderBy(t => t.At).ToList();
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
