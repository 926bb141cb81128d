using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Storage;

namespace ComplaintFunctions.Bench;

/// <summary>
/// The worklist's read when the closed cases far outnumber the open ones (issue 12): seeds the cases
/// straight into the tables (closed ones as copies of a real closed case's row, open ones through the
/// store, so they are on the open-case list), then times the scan of every case the list used before
/// and the open-case list with the first page of 50 sorted out, as the console reads it.
/// </summary>
static class WorklistBench
{
    const int Repeats = 5;

    public static async Task<string> RunAsync(CountingStorageProxy proxy, int closed, int open, CancellationToken cancel)
    {
        var account = StorageAccount.FromConnectionString(proxy.Endpoints.ConnectionString);
        var tables = new AppTables(account);
        var store = new ComplaintStore(tables);
        var now = DateTimeOffset.UtcNow;

        var template = Complaint.Open(CaseNumber.New(), Channel.Email, Details("template@example.no"), now.AddYears(-1));
        Assert(await store.TryCreateAsync(template, null, cancel));
        var stored = await store.GetAsync(template.CaseNumber, cancel);
        stored.Complaint.Apply(CaseAction.Resolve, now.AddYears(-1).AddDays(3));
        await store.UpdateAsync(stored, cancel);
        var cases = await tables.GetAsync(TableNames.Complaints);
        var closedRow = (await cases.GetEntityAsync<TableEntity>(template.CaseNumber.Value, "case", cancellationToken: cancel)).Value;

        var seeding = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, open), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancel }, async (i, c) =>
        {
            var complaint = Complaint.Open(CaseNumber.New(), Channel.WebForm, Details($"open-{i}@example.no"), now.AddHours(-i));
            Assert(await store.TryCreateAsync(complaint, null, c));
            await store.UpdateServiceStateAsync(complaint.CaseNumber, owner: "customer-service team", dueAt: now.AddHours(i % 48 - 8), cancellationToken: c);
        });
        Benchmark.Say($"worklist: {open} open cases seeded in {seeding.Elapsed.TotalSeconds:0} s");

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"\nThe worklist's read with {open:N0} open cases and more and more closed ones (median of {Repeats}; Azurite on this machine):");
        text.AppendLine("| closed cases | read | open cases found | time | storage requests |");
        text.AppendLine("| --- | --- | --- | --- | --- |");

        // Closed cases in steps up to the number asked for, each step measured: how each read grows with them.
        var seeded = 0;
        foreach (var target in Steps(closed))
        {
            await Parallel.ForEachAsync(Enumerable.Range(seeded, target - seeded), new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancel }, async (i, c) =>
            {
                var row = new TableEntity(closedRow) { PartitionKey = CaseNumber.New().Value, ["CustomerEmail"] = $"closed-{i}@example.no" };
                row.Remove("odata.etag");
                row.Remove("Timestamp");
                await cases.AddEntityAsync(row, c);
            });
            seeded = target;
            Benchmark.Say($"worklist: {seeded} closed cases seeded ({seeding.Elapsed.TotalSeconds:0} s); measuring");

            var scan = await TimeAsync(proxy, async () =>
            {
                var filter = TableClient.CreateQueryFilter($"Stage ne {CaseStage.Closed.ToWire()}");
                var n = 0;
                await foreach (var _ in cases.QueryAsync<TableEntity>(filter, cancellationToken: cancel))
                {
                    n++;
                }

                return n;
            });
            var list = await TimeAsync(proxy, async () =>
            {
                var lines = new List<CaseOnTheList>();
                await foreach (var line in store.ListOpenAsync(null, now, cancel))
                {
                    lines.Add(line);
                }

                var page = lines.OrderByDescending(l => l.Overdue).ThenBy(l => l.DueAt ?? DateTimeOffset.MaxValue).Take(50).ToList();
                return page.Count == Math.Min(50, lines.Count) ? lines.Count : -1;
            });
            text.AppendLine(CultureInfo.InvariantCulture, $"| {seeded:N0} | every case, filtered (the list before) | {scan.Found} | {scan.Milliseconds:0} ms | {scan.Requests:0} |");
            text.AppendLine(CultureInfo.InvariantCulture, $"| {seeded:N0} | the open-case list (one partition), first page of 50 | {list.Found} | {list.Milliseconds:0} ms | {list.Requests:0} |");
            Console.Error.WriteLine(text.ToString());
        }

        return text.ToString();
    }

    /// <summary>10,000, 20,000, 40,000 … doubling, then the number asked for.</summary>
    static IEnumerable<int> Steps(int closed)
    {
        for (var step = 10_000; step < closed; step *= 2)
        {
            yield return step;
        }

        yield return closed;
    }

    static async Task<(int Found, double Milliseconds, double Requests)> TimeAsync(CountingStorageProxy proxy, Func<Task<int>> read)
    {
        await read();
        var runs = new List<(int, double, double)>();
        for (var i = 0; i < Repeats; i++)
        {
            var before = proxy.Snapshot();
            var clock = Stopwatch.StartNew();
            var found = await read();
            runs.Add((found, clock.Elapsed.TotalMilliseconds, (proxy.Snapshot() - before).Table));
        }

        return runs.OrderBy(r => r.Item2).ElementAt(Repeats / 2);
    }

    static ComplaintDetails Details(string email) => new(
        new Customer("Kari Nordmann", email, "+47 912 34 567", "nb", Country.NO),
        new Purchase("ORD-1", "Skjerm", "Acme", null, null),
        ComplaintCategory.Claim,
        "Skjermen virker ikke.");

    static void Assert(bool condition)
    {
        if (!condition)
        {
            throw new InvalidOperationException("The worklist benchmark could not seed a case.");
        }
    }
}
