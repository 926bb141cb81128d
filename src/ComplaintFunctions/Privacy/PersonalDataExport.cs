using Azure.Data.Tables;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Inbound;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Workflow;

namespace ComplaintFunctions.Privacy;

/// <summary>Everything the app holds about one e-mail address (the data subject's right of access), as data: the page and the JSON are made from it.</summary>
public sealed record PersonalDataReport(string Email, DateTimeOffset MadeAt, IReadOnlyList<CaseHeld> Cases, IReadOnlyList<MailHeld> MailsToReview);

/// <summary>One case of the address with all that is kept on it.</summary>
public sealed record CaseHeld(
    string CaseNumber,
    bool Erased,
    bool LegalHold,
    string Stage,
    string Channel,
    string Category,
    string Country,
    string Language,
    string? Name,
    string Email,
    string? Phone,
    string? OrderNumber,
    string? Product,
    string? Manufacturer,
    DateOnly? PurchaseDate,
    DateOnly? DeliveryDate,
    string Description,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<TextHeld> Texts,
    IReadOnlyList<TrailLineHeld> Trail,
    IReadOnlyList<AttachmentHeld> Attachments,
    IReadOnlyList<SentMailHeld> MailsSent,
    IReadOnlyList<ReceivedMailHeld> MailsReceived);

public sealed record TextHeld(string Kind, string Author, DateTimeOffset At, string Text, decimal? Amount);

public sealed record TrailLineHeld(DateTimeOffset At, string Kind, string Actor, string Channel, string Summary);

public sealed record AttachmentHeld(string File, string ContentType, long Size, DateTimeOffset? KeptAt);

public sealed record SentMailHeld(string To, string Subject, string State, DateTimeOffset? SentAt);

public sealed record ReceivedMailHeld(DateTimeOffset At, string Outcome, string Reason);

/// <summary>A mail from the address that waits on the review list (belonging to no case yet).</summary>
public sealed record MailHeld(DateTimeOffset At, string From, string Subject, string Reason);

/// <summary>Gathers <see cref="PersonalDataReport"/> from every place a case keeps data; reads only.</summary>
public sealed class PersonalDataExport(ComplaintStore complaints, CaseEventLog auditTrail, CaseTexts texts, AttachmentStore attachments, AppTables tables, TimeProvider time)
{
    public async Task<PersonalDataReport> MakeAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var now = time.GetUtcNow();
        var cases = new List<CaseHeld>();
        foreach (var row in await complaints.FindByEmailAsync(email, now, cancellationToken))
        {
            var c = row.Complaint;
            var d = c.Details;
            var sent = new List<SentMailHeld>();
            var sentTable = await tables.GetAsync(TableNames.SentMail);
            await foreach (var m in sentTable.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {c.CaseNumber.Value}"), cancellationToken: cancellationToken))
            {
                sent.Add(new SentMailHeld(m.GetString("To") ?? string.Empty, m.GetString("Subject") ?? string.Empty, m.GetString("State") ?? "sent", m.GetDateTimeOffset("SentAt")));
            }

            var received = new List<ReceivedMailHeld>();
            var inbound = await tables.GetAsync(TableNames.InboundMail);
            await foreach (var m in inbound.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"CaseNumber eq {c.CaseNumber.Value}"), cancellationToken: cancellationToken))
            {
                received.Add(new ReceivedMailHeld(m.GetDateTimeOffset("At") ?? default, m.GetString("Outcome") ?? string.Empty, m.GetString("Reason") ?? string.Empty));
            }

            cases.Add(new CaseHeld(
                c.CaseNumber.Value, row.Erased, row.LegalHold, c.Stage.ToWire(), c.Channel.ToWire(), d.Category.ToWire(), d.Customer.Country.ToString(), d.Customer.Language,
                d.Customer.Name, d.Customer.Email, d.Customer.Phone, d.Purchase.OrderNumber, d.Purchase.Product, d.Purchase.Manufacturer, d.Purchase.PurchaseDate, d.Purchase.DeliveryDate,
                d.Description, c.OpenedAt, c.ClosedAt,
                (await texts.ListAsync(c.CaseNumber, cancellationToken)).Select(t => new TextHeld(t.Kind, t.Author, t.At, t.Text, t.Amount)).ToList(),
                (await auditTrail.ReadAsync(c.CaseNumber, cancellationToken)).Select(e => new TrailLineHeld(e.OccurredAt, e.Kind, e.Actor, e.Channel, e.Summary)).ToList(),
                (await attachments.ListAsync(c.CaseNumber, cancellationToken)).Select(a => new AttachmentHeld(a.File, a.ContentType, a.Size, a.KeptAt)).ToList(),
                sent.OrderBy(m => m.SentAt).ToList(),
                received.OrderBy(m => m.At).ToList()));
        }

        var review = new List<MailHeld>();
        var reviewTable = await tables.GetAsync(TableNames.InboxReview);
        await foreach (var m in reviewTable.QueryAsync<TableEntity>(x => x.PartitionKey == "review", cancellationToken: cancellationToken))
        {
            if ((m.GetString("From") ?? string.Empty).Contains(email.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                review.Add(new MailHeld(m.GetDateTimeOffset("At") ?? default, m.GetString("From") ?? string.Empty, m.GetString("Subject") ?? string.Empty, m.GetString("Reason") ?? string.Empty));
            }
        }

        return new PersonalDataReport(email.Trim(), now, cases, review.OrderBy(m => m.At).ToList());
    }
}
