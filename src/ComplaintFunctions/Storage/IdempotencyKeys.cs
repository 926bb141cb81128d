using Azure;
using Azure.Data.Tables;
using System.Security.Cryptography;
using System.Text;
using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Storage;

/// <summary>
/// Remembers which case an <c>Idempotency-Key</c> opened. The first insert wins; everyone
/// after reads the winner's case number.
/// </summary>
public sealed class IdempotencyKeys(AppTables tables)
{
    public const int MaxKeyLength = 200;

    /// <summary>Claims the key for <paramref name="caseNumber"/>, or returns the case that claimed it first.</summary>
    public async Task<CaseNumber> ClaimAsync(string key, CaseNumber caseNumber, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.IdempotencyKeys);
        var partition = PartitionOf(key);
        try
        {
            await table.AddEntityAsync(new TableEntity(partition, "key") { ["CaseNumber"] = caseNumber.Value, ["ClaimedAt"] = at }, cancellationToken);
            return caseNumber;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var winner = await table.GetEntityAsync<TableEntity>(partition, "key", cancellationToken: cancellationToken);
            return CaseNumber.Parse(winner.Value.GetString("CaseNumber"));
        }
    }

    public async Task<CaseNumber?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableNames.IdempotencyKeys);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(key), "key", cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } entity ? CaseNumber.Parse(entity.GetString("CaseNumber")) : null;
    }

    // Keys are client-chosen text; a hash keeps them within Table Storage's key rules.
    static string PartitionOf(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
