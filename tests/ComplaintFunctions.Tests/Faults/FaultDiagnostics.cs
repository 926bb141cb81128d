using System.Text.Json;
using Azure.Data.Tables;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.Faults;

/// <summary>What became of an input the suite cannot account for: its case as staff see it, and its orchestration.</summary>
public static class FaultDiagnostics
{
    public static async Task<string> DescribeAsync(AzuriteFixture azurite, HttpClient http, IEnumerable<string> lines, string taskHub, string customer)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        ArgumentNullException.ThrowIfNull(http);
        var parts = new List<string> { customer };
        try
        {
            var complaints = azurite.Account.Tables.GetTableClient("complaints");
            var cases = new List<string>();
            await foreach (var row in complaints.QueryAsync<TableEntity>(e => e.GetString("CustomerEmail") == customer, maxPerPage: 50))
            {
                cases.Add(row.PartitionKey);
                parts.Add($"row {row.PartitionKey} stage={row.GetString("Stage")}");
            }

            foreach (var line in lines.Where(l => l.Contains(customer, StringComparison.OrdinalIgnoreCase)).Take(5))
            {
                parts.Add("log: " + line);
            }

            var instances = azurite.Account.Tables.GetTableClient(taskHub + "Instances");
            foreach (var number in cases)
            {
                var id = "complaint-" + new string(number.Where(char.IsDigit).ToArray());
                await foreach (var row in instances.QueryAsync<TableEntity>(e => e.PartitionKey == id))
                {
                    parts.Add($"instance {id} {row.GetString("RuntimeStatus")} created {row.GetDateTimeOffset("CreatedTime")}");
                }
            }
        }
        catch (Exception e) when (e is Azure.RequestFailedException or InvalidOperationException or JsonException or HttpRequestException)
        {
            parts.Add("(diagnostics failed: " + e.Message + ")");
        }

        return string.Join(" | ", parts);
    }
}
