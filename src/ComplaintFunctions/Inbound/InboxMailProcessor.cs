using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Intake;
using ComplaintFunctions.Domain.Mail;
using ComplaintFunctions.Intake;
using ComplaintFunctions.Links;
using ComplaintFunctions.Notifications;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Telemetry;
using ComplaintFunctions.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Inbound;

/// <summary>
/// Reads one mail from the inbox queue and does what it calls for: open a case, add a customer's
/// reply to their case, or keep it for a person without answering. Every step is safe to run again,
/// so a retried queue message (or SendGrid delivering the same mail three times) changes nothing twice.
/// An exception leaves the message for the host's retries and then the poison queue; the raw mail is
/// already in Blob storage either way.
/// </summary>
public sealed class InboxMailProcessor(
    RawMailStore rawMail,
    InboundMailLedger ledger,
    InboxReviewList reviewList,
    AttachmentStore attachmentStore,
    ComplaintStore complaints,
    CaseEventLog auditTrail,
    ComplaintIntake intake,
    CaseTexts caseTexts,
    LinkSigner signer,
    IOptions<MailOptions> mailOptions,
    TimeProvider time,
    ILogger<InboxMailProcessor> logger)
{
    public async Task<InboundMailRecord> ProcessAsync(byte[] queueMessage, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queueMessage);
        ArgumentNullException.ThrowIfNull(durable);
        var (reference, parsed) = await ReadAsync(queueMessage, cancellationToken);

        // The stored copy is named by the mail's identity, so every delivery of one mail has the same name.
        var hash = reference.IdentityHash;
        if (await ledger.FindAsync(hash, cancellationToken) is { } done)
        {
            using var doneScope = done.CaseNumber is { } doneCase ? logger.BeginCaseScope(doneCase) : null;
            logger.LogInformation("Mail {Hash} was handled before ({Outcome}); ignoring this delivery", hash, done.Outcome);
            return done;
        }

        var now = time.GetUtcNow();
        InboundMailRecord record;
        if (!parsed.Succeeded)
        {
            var decision = MailTriage.Unreadable(parsed.Failure);
            await reviewList.AddAsync(new ReviewItem(hash, "(unreadable)", "(unreadable)", decision.Reason, reference.RawMailBlob, now), cancellationToken);
            record = new InboundMailRecord(hash, decision.Outcome.ToWire(), null, decision.Reason, now);
        }
        else
        {
            record = await HandleAsync(parsed.Mail, hash, reference, durable, now, cancellationToken);
        }

        await ledger.RecordAsync(record, cancellationToken);
        return record;
    }

    /// <summary>A mail on the review list, read from its stored copy as it arrived.</summary>
    public async Task<InboundMailParseResult> ReadKeptAsync(ReviewItem item, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        var stored = await rawMail.ReadAsync(new StoredMailReference(item.RawMailBlob, RawMailFormat.Mime, null), cancellationToken);
        if (stored.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) != true)
        {
            return InboundMailParser.ParseRaw(stored.Content);
        }

        try
        {
            var post = await SendGridInboundForm.ReadAsync(new MemoryStream(stored.Content, writable: false), stored.ContentType, cancellationToken);
            return InboundMailParser.ParseSendGridFields(post.Fields, post.Files);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return InboundMailParseResult.Failed($"Not a SendGrid Inbound Parse post: {e.Message}");
        }
    }

    /// <summary>
    /// A person attached a mail from the review list to a case: it is the customer's reply there, exactly as
    /// a reply that named the case would be (same ids from the mail's identity, so doing it again adds nothing).
    /// </summary>
    public async Task AttachKeptAsync(InboundMail mail, ReviewItem item, CaseNumber caseNumber, string actor, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(item);
        var now = time.GetUtcNow();
        await auditTrail.AppendAsync(new CaseEvent(caseNumber, $"review-attached-{item.IdentityHash}", item.Handling?.At ?? now, "review-attached", actor, "console",
            InboundMailLedger.Trim($"A mail from the review list attached to the case ({item.Reason}). Subject: {mail.Subject}", 1000)), cancellationToken);
        await AddReplyAsync(mail, item.IdentityHash, caseNumber, CaseReferenceRule.StaffAttached, durable, now, new MailIntakeDecision(MailIntakeOutcome.Reply, null, "Attached by staff from the review list."), cancellationToken);
    }

    /// <summary>A person opened a case from a mail on the review list: as the mail would have opened one (the same idempotency key, so doing it again finds that case).</summary>
    public async Task<CaseNumber> OpenKeptAsync(InboundMail mail, ReviewItem item, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(item);
        var record = await OpenCaseAsync(mail, item.IdentityHash, durable, time.GetUtcNow(), new MailIntakeDecision(MailIntakeOutcome.NewCase, null, "Opened as a case by staff from the review list."), cancellationToken);
        return CaseNumber.Parse(record.CaseNumber!);
    }

    async Task<(StoredMailReference Reference, InboundMailParseResult Parsed)> ReadAsync(byte[] queueMessage, CancellationToken cancellationToken)
    {
        var reference = StoredMailReference.TryRead(queueMessage);
        if (reference is null)
        {
            // Raw MIME from another forwarder: keep the original first, as SendGrid's posts are.
            var mime = queueMessage;
            var quick = InboundMailParser.ParseRaw(mime);
            reference = await rawMail.StoreAsync(MailIdentity.OfMime(quick.Mail?.MessageId, mime), mime, RawMailFormat.Mime, "message/rfc822", cancellationToken);
            return (reference, quick);
        }

        // Read with the content type stored with the copy: a redelivery's reference may carry its own
        // post's multipart boundary, while the copy kept is the first post's.
        var stored = await rawMail.ReadAsync(reference, cancellationToken);
        var content = stored.Content;
        if (reference.Format == RawMailFormat.Mime)
        {
            return (reference, InboundMailParser.ParseRaw(content));
        }

        try
        {
            var post = await SendGridInboundForm.ReadAsync(new MemoryStream(content, writable: false), stored.ContentType, cancellationToken);
            return (reference, InboundMailParser.ParseSendGridFields(post.Fields, post.Files));
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return (reference, InboundMailParseResult.Failed($"Not a SendGrid Inbound Parse post: {e.Message}"));
        }
    }

    async Task<InboundMailRecord> HandleAsync(InboundMail mail, string hash, StoredMailReference reference, DurableTaskClient durable, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var finder = SignedMessageIds.Finder(signer, mailOptions.Value.MessageIdDomain);
        var found = await finder.FindAsync(mail, async (caseNumber, ct) => (await complaints.FindAsync(caseNumber, ct))?.Complaint.Details.Customer.Email, cancellationToken);
        if (found.CaseNumber is { } named && await complaints.FindOnTheListAsync(named, now, cancellationToken: cancellationToken) is { Erased: true })
        {
            // A case whose personal data was erased takes nothing more: whoever writes about it again opens a new case.
            found = found with { Match = null, Refused = [.. found.Refused, new RefusedCaseReference(named.Value, found.Rule!.Value, named, "the case's personal data was erased")] };
        }
        var decision = MailTriage.Decide(MailNoise.Classify(mail), found);
        using var scope = found.CaseNumber is { } known ? logger.BeginCaseScope(known) : null;
        if (decision.Outcome is not MailIntakeOutcome.NewCase)
        {
            logger.LogInformation("Mail {Hash}: {Outcome}{Rule}", hash, decision.Outcome.ToWire(), found.Rule is { } rule ? $" (case found by {rule.ToWire()})" : string.Empty);
        }

        switch (decision.Outcome)
        {
            case MailIntakeOutcome.Reply when found.CaseNumber is { } caseNumber:
                return await AddReplyAsync(mail, hash, caseNumber, found.Rule!.Value, durable, now, decision, cancellationToken);

            case MailIntakeOutcome.KeptNotAnswered when found.CaseNumber is { } caseNumber:
                await auditTrail.AppendAsync(
                    new CaseEvent(caseNumber, $"mail-{hash}", now, "mail-kept", Sender(mail), "email", InboundMailLedger.Trim($"{decision.Reason} Subject: {mail.Subject}", 1000)),
                    cancellationToken);
                return new InboundMailRecord(hash, decision.Outcome.ToWire(), caseNumber.Value, decision.Reason, now);

            case MailIntakeOutcome.KeptNotAnswered:
                await reviewList.AddAsync(new ReviewItem(hash, mail.From.ToString(), mail.Subject, decision.Reason, reference.RawMailBlob, now), cancellationToken);
                return new InboundMailRecord(hash, decision.Outcome.ToWire(), null, decision.Reason, now);

            default:
                return await OpenCaseAsync(mail, hash, durable, now, decision, cancellationToken);
        }
    }

    async Task<InboundMailRecord> AddReplyAsync(InboundMail mail, string hash, CaseNumber caseNumber, CaseReferenceRule rule, DurableTaskClient durable, DateTimeOffset now, MailIntakeDecision decision, CancellationToken cancellationToken)
    {
        // Every id and time here comes from the mail's identity, so a retry after a crash at any step
        // finishes what the first attempt began and adds nothing twice: the trail line keeps the time
        // of its first writing, the text its id, and the case ignores an input it has taken.
        var eventId = $"mail-{hash}";
        var at = (await auditTrail.ReadAsync(caseNumber, cancellationToken)).FirstOrDefault(e => e.EventId == eventId)?.OccurredAt ?? now;
        var kept = await attachmentStore.KeepAsync(caseNumber, hash, mail.Attachments, cancellationToken);
        var text = string.IsNullOrWhiteSpace(mail.TextBody) ? mail.TextWithQuotes : mail.TextBody;
        await auditTrail.AppendAsync(
            new CaseEvent(caseNumber, eventId, at, "customer-replied", Sender(mail), "email",
                InboundMailLedger.Trim($"Reply by mail ({rule.ToWire()}). Subject: {mail.Subject}\n{text}", 4000) + AttachmentNote(kept)),
            cancellationToken);
        var textRef = await caseTexts.SaveAsync(caseNumber, "customer-reply", $"{mail.Subject}\n\n{text}".Trim(), Sender(mail), at, $"reply-{hash}", cancellationToken);
        await durable.RaiseEventAsync(
            ComplaintCaseOrchestration.InstanceIdFor(caseNumber),
            ComplaintCaseOrchestration.InputEvent,
            new CaseInput(CaseInputKinds.CustomerReplied, Sender(mail), textRef, InputId: $"mail:{hash}"),
            cancellationToken);
        return new InboundMailRecord(hash, decision.Outcome.ToWire(), caseNumber.Value, decision.Reason, now);
    }

    async Task<InboundMailRecord> OpenCaseAsync(InboundMail mail, string hash, DurableTaskClient durable, DateTimeOffset now, MailIntakeDecision decision, CancellationToken cancellationToken)
    {
        var body = string.IsNullOrWhiteSpace(mail.TextBody) ? mail.TextWithQuotes : mail.TextBody;
        var suggestion = CategorySuggester.Suggest(mail.Subject, body);
        var (language, country) = LanguageOf(mail.From.Address);
        var description = $"{mail.Subject}\n\n{body}".Trim();
        if (description.Length > ComplaintSubmissionRules.MaxDescriptionLength)
        {
            description = description[..(ComplaintSubmissionRules.MaxDescriptionLength - 1)] + "…";
        }

        var details = new ComplaintDetails(
            new Customer(NameOf(mail), mail.From.Address, null, language, country),
            new Purchase(null, null, null, null, null),
            suggestion.Category,
            description.Length == 0 ? "(empty mail)" : description)
        {
            CategorySource = CategorySource.Suggested,
            SuggestedFrom = suggestion.Words.Count == 0 ? null : string.Join(", ", suggestion.Words),
        };
        var why = suggestion.IsOther
            ? "No category suggested: no telling words found; the agent chooses."
            : $"Category suggested: {suggestion.Category.ToWire()} (from: {string.Join(", ", suggestion.Words)}); the agent may change it.";
        var opened = await intake.OpenAsync(
            details, Channel.Email, Sender(mail), $"mail:{hash}", durable,
            caseNumber => [new CaseEvent(caseNumber, "category-suggested", now, "category-suggested", "system", "email", why)], cancellationToken);
        using var scope = logger.BeginCaseScope(opened.CaseNumber);
        logger.LogInformation("Mail {Hash} opened the case; category suggested: {Category}", hash, suggestion.Category.ToWire());
        var kept = await attachmentStore.KeepAsync(opened.CaseNumber, hash, mail.Attachments, cancellationToken);
        if (kept.Kept.Count + kept.Refused.Count > 0)
        {
            await auditTrail.AppendAsync(new CaseEvent(opened.CaseNumber, $"attachments-{hash}", now, "attachments", Sender(mail), "email", AttachmentNote(kept).Trim()), cancellationToken);
        }

        return new InboundMailRecord(hash, decision.Outcome.ToWire(), opened.CaseNumber.Value, decision.Reason, now);
    }

    // The display name is a single-line field like the form's name: an encoded word can carry CR/LF, folded here.
    static string? NameOf(InboundMail mail) => ComplaintSubmissionRules.SingleLine(mail.From.Name) is { } name
        ? (name.Length > ComplaintSubmissionRules.MaxShortFieldLength ? name[..ComplaintSubmissionRules.MaxShortFieldLength] : name)
        : null;

    static string Sender(InboundMail mail) => $"customer:{mail.From.Address}";

    static string AttachmentNote(AttachmentsKept kept) =>
        (kept.Kept.Count > 0 ? $"\nAttachments kept: {string.Join(", ", kept.Kept)}." : string.Empty)
        + (kept.Refused.Count > 0 ? $"\nAttachments not taken (still in the raw mail): {string.Join("; ", kept.Refused)}." : string.Empty);

    /// <summary>A first guess from the sender's country domain; the agent can correct it.</summary>
    static (string Language, Country Country) LanguageOf(string address)
    {
        var domain = address[(address.LastIndexOf('.') + 1)..].ToLowerInvariant();
        return domain switch
        {
            "no" => ("nb", Country.NO),
            "se" => ("sv", Country.SE),
            "dk" => ("da", Country.DK),
            "fi" => ("fi", Country.FI),
            _ => ("en", Country.NO),
        };
    }
}
