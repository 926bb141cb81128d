using System.Text;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Inbound;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Telemetry;
using ComplaintFunctions.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Privacy;

/// <summary>What came of asking to erase a case.</summary>
public enum ErasureOutcome
{
    Erased,
    AlreadyErased,
    Refused,
    NotFound,
}

/// <param name="Refusal">Why not, when <see cref="ErasureOutcome.Refused"/>.</param>
public sealed record ErasureResult(CaseNumber CaseNumber, ErasureOutcome Outcome, ErasureRefusal Refusal = ErasureRefusal.None);

/// <summary>
/// Erases one case's personal data wherever the app keeps it, and keeps its anonymised facts (the row's
/// category, country, channel, stage and dates; the trail's keys, kinds, times, channels, staff actors and facts).
/// Every step is safe to run again, and the erasure is marked on the case before the first step (who, when,
/// why), so a run cut short at any point is finished by the next with the same mark: the row is blanked last,
/// after everything found through it (the address, the idempotency key) is gone.
/// </summary>
public sealed partial class CaseEraser(
    ComplaintStore complaints,
    CaseEventLog auditTrail,
    AppTables tables,
    AppBlobs blobs,
    AppQueues queues,
    TimeProvider time,
    ILogger<CaseEraser> logger)
{
    /// <summary>The trail line that proves the erasure.</summary>
    public const string ErasedKind = "erased";

    /// <summary>How many attempts of a later stage are looked for (each retry after a failure has its own instance).</summary>
    const int StageAttempts = 5;

    /// <summary>Why the case may not be erased now (the stage and hold on its row, and whether an external body's handling still runs).</summary>
    public static async Task<ErasureRefusal> RefusalForAsync(CaseOnTheList row, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(durable);
        var disputeOpen = false;
        if (row.Complaint.Stage == CaseStage.Closed && !row.LegalHold)
        {
            foreach (var id in BodyInstances(row.Complaint.CaseNumber))
            {
                if (await durable.GetInstanceAsync(id, cancellationToken) is { IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended })
                {
                    disputeOpen = true;
                    break;
                }
            }
        }

        return ErasureRules.RefusalFor(row, disputeOpen);
    }

    /// <param name="by">Who asks, as the trail names people (<c>team-lead:Kari Lund</c>, <c>system</c>).</param>
    /// <param name="reason">Why, in the asker's words (on the trail: it must not name the customer).</param>
    public async Task<ErasureResult> EraseAsync(CaseNumber caseNumber, string by, string reason, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(durable);
        using var scope = logger.BeginCaseScope(caseNumber);
        var now = time.GetUtcNow();
        var stored = await complaints.FindAsync(caseNumber, cancellationToken);
        var row = await complaints.FindOnTheListAsync(caseNumber, now, cancellationToken: cancellationToken);
        if (stored is null || row is null)
        {
            return new ErasureResult(caseNumber, ErasureOutcome.NotFound);
        }

        var begun = await complaints.FindErasureAsync(caseNumber, cancellationToken);
        if (row.Erased && begun is not null)
        {
            // Done before; the trail's part is made sure of once more (it is where a run cut short after the row would have stopped).
            await AnonymiseTrailAsync(caseNumber, begun, cancellationToken);
            return new ErasureResult(caseNumber, ErasureOutcome.AlreadyErased);
        }

        if (begun is null && await RefusalForAsync(row, durable, cancellationToken) is var refusal and not ErasureRefusal.None)
        {
            logger.LogInformation("Erasure refused: {Why}", ErasureRules.Describe(refusal));
            return new ErasureResult(caseNumber, ErasureOutcome.Refused, refusal);
        }

        var mark = await complaints.BeginErasureAsync(caseNumber, new ErasureMark(now, by, reason.Trim()), cancellationToken);
        var email = stored.Complaint.Details.Customer.Email is { Length: > 0 } address ? address.Trim() : null;

        await PurgeHistoryAsync(caseNumber, durable, cancellationToken);
        await DeletePartitionAsync(TableNames.CaseTexts, caseNumber.Digits, cancellationToken);
        await DeleteBlobsAsync(ContainerNames.Attachments, $"{caseNumber.Digits}/", cancellationToken);
        await DeleteBlobsAsync(ContainerNames.CaseFiles, $"{caseNumber.Digits}/", cancellationToken);
        await DeleteInboundMailAsync(caseNumber, cancellationToken);
        await DeleteReviewItemsAsync(caseNumber, email, cancellationToken);
        await DeletePartitionAsync(TableNames.SentMail, caseNumber.Value, cancellationToken);
        if (stored.IdempotencyKey is { Length: > 0 } key)
        {
            await DeleteRowAsync(TableNames.IdempotencyKeys, IdempotencyKeys.PartitionOf(IdempotencyKeys.ScopeOf(stored.Complaint.Channel), key), "key", cancellationToken);
        }

        await DeleteUsedPressesAsync(caseNumber, cancellationToken);
        await ForgetRepairedGoodsAsync(caseNumber, cancellationToken);
        if (email is not null)
        {
            await DeletePartitionAsync(TableNames.AutoMailCount, RawMailStore.IdentityHash(email.ToLowerInvariant()), cancellationToken);
            await DeletePoisonedMailAsync(email, cancellationToken);
        }

        await AnonymiseTrailAsync(caseNumber, mark, cancellationToken);
        await complaints.EraseRowAsync(caseNumber, mark.Since, cancellationToken);
        logger.LogInformation("Personal data of the case erased");
        return new ErasureResult(caseNumber, ErasureOutcome.Erased);
    }

    async Task AnonymiseTrailAsync(CaseNumber caseNumber, ErasureMark mark, CancellationToken cancellationToken)
    {
        await auditTrail.AnonymiseAsync(caseNumber, ErasedKind, cancellationToken);
        await auditTrail.AppendAsync(
            new CaseEvent(caseNumber, ErasedKind, mark.Since, ErasedKind, mark.By, mark.By == "system" ? "system" : "console",
                $"Personal data erased by {mark.By}{(mark.Reason.Length > 0 ? $" ({mark.Reason})" : string.Empty)}. Erased: the customer's name, e-mail address and phone, the order number, product and dates, "
                + "the description, every text written on the case, its attachments, mails as they arrived and case files, the records of mails sent and received, "
                + "its idempotency key and used links, and the case's Durable history; each trail line's text. Kept: category, country, language, channel, manufacturer, stage, dates and outcomes, and this trail's lines."),
            cancellationToken);
    }

    /// <summary>The case's orchestration and its later stages' (every attempt), history and instance rows, through the client's purge.</summary>
    async Task PurgeHistoryAsync(CaseNumber caseNumber, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        foreach (var id in Instances(caseNumber))
        {
            var purged = await durable.PurgeInstanceAsync(id, null, cancellationToken);
            if (purged.PurgedInstanceCount > 0)
            {
                logger.LogInformation("Durable instance {Instance} purged", id);
            }
        }
    }

    /// <summary>Every instance id a case's orchestrations may have: the case, and each attempt of the ombudsman's review and of an external body.</summary>
    public static IEnumerable<string> Instances(CaseNumber caseNumber) =>
        new[] { ComplaintCaseOrchestration.InstanceIdFor(caseNumber) }
            .Concat(Enumerable.Range(1, StageAttempts).Select(a => OmbudsmanReviewOrchestration.InstanceIdFor(caseNumber.Value, a)))
            .Concat(BodyInstances(caseNumber));

    static IEnumerable<string> BodyInstances(CaseNumber caseNumber) =>
        Enumerable.Range(1, StageAttempts).Select(a => ExternalBodyOrchestration.InstanceIdFor(caseNumber.Value, a));

    /// <summary>Mails that came to the case: their record, and their copy as they arrived (under either format's name).</summary>
    async Task DeleteInboundMailAsync(CaseNumber caseNumber, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.InboundMail);
        var filter = TableClient.CreateQueryFilter($"CaseNumber eq {caseNumber.Value}");
        var raw = await blobs.GetAsync(ContainerNames.RawMail);
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await raw.DeleteBlobIfExistsAsync($"mime/{row.PartitionKey}", DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
            await raw.DeleteBlobIfExistsAsync($"sendgrid/{row.PartitionKey}", DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
            await DeleteRowAsync(table, row.PartitionKey, row.RowKey, cancellationToken);
        }
    }

    /// <summary>Mails on the review list that went to the case, or that came from the address: the item and its raw copy.</summary>
    async Task DeleteReviewItemsAsync(CaseNumber caseNumber, string? email, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.InboxReview);
        var raw = await blobs.GetAsync(ContainerNames.RawMail);
        await foreach (var row in table.QueryAsync<TableEntity>(x => x.PartitionKey == "review", cancellationToken: cancellationToken))
        {
            var ours = row.GetString("Into") == caseNumber.Value
                || (email is not null && (row.GetString("From") ?? string.Empty).Contains(email, StringComparison.OrdinalIgnoreCase));
            if (!ours)
            {
                continue;
            }

            if (row.GetString("RawMailBlob") is { Length: > 0 } blob)
            {
                await raw.DeleteBlobIfExistsAsync(blob, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
            }

            await DeleteRowAsync(table, row.PartitionKey, row.RowKey, cancellationToken);
        }
    }

    /// <summary>
    /// The used-link and console-press rows of the case, found by the press ids its trail lines are named by
    /// (<c>link-…</c>, <c>console-…</c>, <c>note-…</c>, <c>assign-…</c>): a point delete each, no scan of the table.
    /// </summary>
    /// <summary>
    /// A repair this case recorded keeps its row, found by the hash of the order and product, so a later claim
    /// about the goods still gets its extra year; the order number and product in plain words go.
    /// </summary>
    async Task ForgetRepairedGoodsAsync(CaseNumber caseNumber, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.Repairs);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"CaseNumber eq {caseNumber.Value}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await table.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["Order"] = string.Empty, ["Product"] = string.Empty }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
    }

    async Task DeleteUsedPressesAsync(CaseNumber caseNumber, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.UsedActionLinks);
        foreach (var line in await auditTrail.ReadAsync(caseNumber, cancellationToken))
        {
            if (PressId().Match(line.EventId) is { Success: true } press)
            {
                await DeletePartitionAsync(table, press.Groups[1].Value, cancellationToken);
            }
        }
    }

    [GeneratedRegex("([0-9a-f]{32})")]
    private static partial Regex PressId();

    /// <summary>
    /// Inbox messages that failed for good and hold the address (raw MIME as a forwarder put it, or a reference
    /// to a stored copy that holds it): removed with what they point at. The others are put back at once as they were.
    /// </summary>
    async Task DeletePoisonedMailAsync(string email, CancellationToken cancellationToken)
    {
        var poison = await queues.GetAsync(QueueNames.ComplaintInbox + "-poison");
        var raw = await blobs.GetAsync(ContainerNames.RawMail);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < 200; round++)
        {
            var batch = (await poison.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30), cancellationToken)).Value;
            if (batch.Length == 0 || batch.All(m => seen.Contains(m.MessageId)))
            {
                foreach (var message in batch)
                {
                    await poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
                }

                break;
            }

            foreach (var message in batch)
            {
                seen.Add(message.MessageId);
                var text = Decoded(message.Body);
                var reference = ReferenceIn(text);
                var holds = text.Contains(email, StringComparison.OrdinalIgnoreCase);
                if (!holds && reference is not null)
                {
                    var stored = raw.GetBlobClient(reference.RawMailBlob);
                    holds = await stored.ExistsAsync(cancellationToken) && (await stored.DownloadContentAsync(cancellationToken)).Value.Content.ToString().Contains(email, StringComparison.OrdinalIgnoreCase);
                }

                if (holds)
                {
                    if (reference is not null)
                    {
                        await raw.DeleteBlobIfExistsAsync(reference.RawMailBlob, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
                    }

                    await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                }
                else
                {
                    await poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
                }
            }
        }
    }

    /// <summary>The stored mail a poison message points at; null for raw MIME, and for a reference that does not read (it is poison for a reason).</summary>
    static StoredMailReference? ReferenceIn(string text)
    {
        try
        {
            return StoredMailReference.TryRead(Encoding.UTF8.GetBytes(text));
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>A queue message's text: the host writes base64 (host.json's default), a forwarder may have written plain text.</summary>
    static string Decoded(BinaryData body)
    {
        var text = body.ToString();
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text));
        }
        catch (FormatException)
        {
            return text;
        }
    }

    async Task DeleteBlobsAsync(string container, string prefix, CancellationToken cancellationToken)
    {
        var client = await blobs.GetAsync(container);
        await foreach (var blob in client.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            await client.DeleteBlobIfExistsAsync(blob.Name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
        }
    }

    async Task DeletePartitionAsync(string tableName, string partition, CancellationToken cancellationToken) =>
        await DeletePartitionAsync(await tables.GetAsync(tableName), partition, cancellationToken);

    static async Task DeletePartitionAsync(TableClient table, string partition, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await DeleteRowAsync(table, row.PartitionKey, row.RowKey, cancellationToken);
        }
    }

    async Task DeleteRowAsync(string tableName, string partition, string rowKey, CancellationToken cancellationToken) =>
        await DeleteRowAsync(await tables.GetAsync(tableName), partition, rowKey, cancellationToken);

    static async Task DeleteRowAsync(TableClient table, string partition, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partition, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Gone already (an earlier run of the same erasure).
        }
    }
}
