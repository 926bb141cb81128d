using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Service;

namespace ComplaintFunctions.Storage;

/// <summary>
/// The products we repaired under a claim, by order and product (<see cref="RepairKey"/>), so triage of a
/// later complaint about the same product can extend its claim window (Right to Repair Directive (EU)
/// 2024/1799). Written when a final answer with the outcome "repaired" is given, read at triage. The first
/// repair of a product is kept: the directive extends the liability period once.
/// </summary>
public sealed class RepairRegister(AppTables tables)
{
    /// <summary>Records the repair; false when this product had a repair on record already (that one stays).</summary>
    public async Task<bool> RecordAsync(RepairKey key, RepairOnRecord repair, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(repair);
        var table = await tables.GetAsync(TableNames.Repairs);
        try
        {
            await table.AddEntityAsync(
                new TableEntity(key.PartitionKey, key.RowKey)
                {
                    ["Order"] = key.Order,
                    ["Product"] = key.Product,
                    ["RepairedOn"] = repair.RepairedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["CaseNumber"] = repair.CaseNumber,
                    ["Country"] = repair.Country.ToString(),
                },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>The repair on record for this product of this order, or null.</summary>
    public async Task<RepairOnRecord?> FindAsync(RepairKey? key, CancellationToken cancellationToken = default)
    {
        if (key is null)
        {
            return null;
        }

        var table = await tables.GetAsync(TableNames.Repairs);
        var found = await table.GetEntityIfExistsAsync<TableEntity>(key.PartitionKey, key.RowKey, cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } row)
        {
            return null;
        }

        // A row that does not read (edited by hand, say) extends nothing rather than failing triage.
        return DateOnly.TryParseExact(row.GetString("RepairedOn"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on)
            && Enum.TryParse<Country>(row.GetString("Country"), out var country) && Enum.IsDefined(country)
            && row.GetString("CaseNumber") is { Length: > 0 } caseNumber
                ? new RepairOnRecord(on, caseNumber, country)
                : null;
    }
}
