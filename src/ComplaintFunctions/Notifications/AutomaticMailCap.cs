using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ComplaintFunctions.Inbound;
using ComplaintFunctions.Storage;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Notifications;

/// <summary>
/// Counts the automatic mails each address gets per day and says no past the configured cap, so
/// an auto-responder that slips past the noise rules can never keep a mail loop going.
/// </summary>
public sealed class AutomaticMailCap(AppTables tables, IOptions<InboundOptions> options, TimeProvider time)
{
    public async Task<bool> TryTakeAsync(string address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        var table = await tables.GetAsync(TableNames.AutoMailCount);
        var partition = RawMailStore.IdentityHash(address.Trim().ToLowerInvariant());
        var day = time.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // Most addresses get their first automatic mail of the day: try the insert first (one request), read only when it is there.
        try
        {
            await table.AddEntityAsync(new TableEntity(partition, day) { ["Count"] = 1 }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Counted before today: read the count.
        }

        for (var attempt = 0; attempt < 10; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, day, cancellationToken: cancellationToken);
            try
            {
                if (!row.HasValue || row.Value is null)
                {
                    await table.AddEntityAsync(new TableEntity(partition, day) { ["Count"] = 1 }, cancellationToken);
                    return true;
                }

                var count = row.Value.GetInt32("Count") ?? 0;
                if (count >= options.Value.MaxAutomaticMailsPerAddressPerDay)
                {
                    return false;
                }

                row.Value["Count"] = count + 1;
                await table.UpdateEntityAsync(row.Value, row.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another mail to the same address counted at the same moment; count again.
            }
        }

        return false;
    }
}
