using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Links;
using ComplaintFunctions.Storage;
using ComplaintFunctions.Telemetry;
using ComplaintFunctions.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Intake;

/// <summary>A case as the one who reported it sees it right after: its number and where to follow it.</summary>
public sealed record OpenedCase(CaseNumber CaseNumber, CaseStage Stage, string StatusUrl, bool IsNew);

/// <summary>
/// Opens a case, once: store the complaint, write the first line of its audit trail, start its
/// orchestration. Every step is safe to repeat, so a request retried with the same
/// Idempotency-Key finishes what an interrupted one began and answers with the same case. Keys are
/// scoped by channel (web, staff, mail) and bound to the body: the same key with another body throws
/// <see cref="IdempotencyKeyConflictException"/> (the HTTP functions answer 422).
/// </summary>
public sealed class ComplaintIntake(
    ComplaintStore complaints,
    IdempotencyKeys idempotencyKeys,
    CaseEventLog auditTrail,
    CaseTriage triage,
    StatusLinks statusLinks,
    LinkSigner signer,
    TimeProvider time,
    ILogger<ComplaintIntake> logger)
{
    const int CaseNumberDraws = 5;

    public async Task<OpenedCase> OpenAsync(
        ComplaintDetails details,
        Channel channel,
        string actor,
        string? idempotencyKey,
        DurableTaskClient durable,
        Func<CaseNumber, IEnumerable<CaseEvent>>? alsoOnTrail = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(durable);
        var scope = IdempotencyKeys.ScopeOf(channel);
        var bodyHash = IdempotencyKeys.BodyHashOf(details, channel);
        if (idempotencyKey is not null && await idempotencyKeys.FindAsync(scope, idempotencyKey, cancellationToken) is { } known)
        {
            EnsureSameBody(scope, idempotencyKey, known, bodyHash);
            return await ResumeAsync(known.CaseNumber, actor, durable, alsoOnTrail, cancellationToken);
        }

        var now = time.GetUtcNow();
        var keyed = idempotencyKey is null ? null : await CreateOrFindInterruptedAsync(details, channel, scope, idempotencyKey, bodyHash, now, cancellationToken);
        var complaint = keyed?.Complaint ?? await CreateWithFreshNumberAsync(details, channel, idempotencyKey, now, cancellationToken);
        var isNew = keyed is not { StoredBefore: true };
        using var logScope = logger.BeginCaseScope(complaint.CaseNumber);
        if (idempotencyKey is not null)
        {
            var winner = await idempotencyKeys.ClaimAsync(scope, idempotencyKey, bodyHash, complaint.CaseNumber, now, cancellationToken);
            if (winner.CaseNumber != complaint.CaseNumber)
            {
                // A concurrent request with the same key got there first; ours was never shown to anyone.
                await complaints.DeleteUnseenAsync(complaint.CaseNumber, cancellationToken);
                EnsureSameBody(scope, idempotencyKey, winner, bodyHash);
                return await ResumeAsync(winner.CaseNumber, actor, durable, alsoOnTrail, cancellationToken);
            }
        }

        await StartAsync(complaint, actor, durable, isNew, alsoOnTrail, cancellationToken);
        if (!isNew)
        {
            return new OpenedCase(complaint.CaseNumber, complaint.Stage, statusLinks.UrlFor(complaint.CaseNumber), IsNew: false);
        }

        logger.LogInformation("Complaint received through {Channel} ({Category}); case opened", channel.ToWire(), details.Category.ToWire());
        ComplaintMetrics.ComplaintReceived(channel);
        return new OpenedCase(complaint.CaseNumber, complaint.Stage, statusLinks.UrlFor(complaint.CaseNumber), IsNew: true);
    }

    /// <summary>
    /// A key repeats a request only with the same body; with another it is refused, so the second complaint
    /// is neither dropped nor answered with the first one's case. A mail's key is its content's hash already,
    /// and rows from before bodies were bound carry no hash: both resume as before.
    /// </summary>
    static void EnsureSameBody(IdempotencyScope scope, string key, ClaimedKey claimed, string bodyHash)
    {
        if (scope != IdempotencyScope.Mail && claimed.BodyHash is { } claimedFor && !string.Equals(claimedFor, bodyHash, StringComparison.Ordinal))
        {
            throw new IdempotencyKeyConflictException(key);
        }
    }

    /// <summary>The number a request with this key tries first (the same on every retry; another key, another number).</summary>
    public CaseNumber CaseNumberFor(IdempotencyScope scope, string key) =>
        CaseNumber.FromSeed(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(signer.Sign("case-number-for-key", $"{scope}|{key}"))));

    /// <summary>
    /// With a key, the first number tried comes from the key (HMAC-keyed, so still unguessable): a retry
    /// after an attempt that stored the case but was cut short before it claimed the key finds that case
    /// (same key, channel and body) and carries on with it, instead of leaving it behind as a second case
    /// staff would see. Null when the number belongs to another case: then a random one is drawn.
    /// </summary>
    async Task<(Complaint Complaint, bool StoredBefore)?> CreateOrFindInterruptedAsync(ComplaintDetails details, Channel channel, IdempotencyScope scope, string key, string bodyHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var complaint = Complaint.Open(CaseNumberFor(scope, key), channel, details, now);
        if (await complaints.TryCreateAsync(complaint, key, cancellationToken))
        {
            return (complaint, false);
        }

        if (await complaints.FindAsync(complaint.CaseNumber, cancellationToken) is { } earlier
            && string.Equals(earlier.IdempotencyKey, key, StringComparison.Ordinal)
            && IdempotencyKeys.ScopeOf(earlier.Complaint.Channel) == scope
            && string.Equals(IdempotencyKeys.BodyHashOf(earlier.Complaint.Details, earlier.Complaint.Channel), bodyHash, StringComparison.Ordinal))
        {
            logger.LogInformation("The same request again (Idempotency-Key) after an attempt cut short: carrying on with the case it stored");
            return (earlier.Complaint, true);
        }

        return null;
    }

    async Task<Complaint> CreateWithFreshNumberAsync(ComplaintDetails details, Channel channel, string? idempotencyKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var draw = 0; draw < CaseNumberDraws; draw++)
        {
            var complaint = Complaint.Open(CaseNumber.New(), channel, details, now);
            if (await complaints.TryCreateAsync(complaint, idempotencyKey, cancellationToken))
            {
                return complaint;
            }

            logger.LogWarning("A drawn case number ({TakenNumber}) was taken; drawing another", complaint.CaseNumber.Value);
        }

        throw new InvalidOperationException($"No free case number after {CaseNumberDraws} draws.");
    }

    async Task<OpenedCase> ResumeAsync(CaseNumber caseNumber, string actor, DurableTaskClient durable, Func<CaseNumber, IEnumerable<CaseEvent>>? alsoOnTrail, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginCaseScope(caseNumber);
        logger.LogInformation("The same request again (Idempotency-Key): finishing the case it opened");
        var stored = await complaints.GetAsync(caseNumber, cancellationToken);
        await StartAsync(stored.Complaint, actor, durable, isNew: false, alsoOnTrail, cancellationToken);
        return new OpenedCase(caseNumber, stored.Complaint.Stage, statusLinks.UrlFor(caseNumber), IsNew: false);
    }

    async Task StartAsync(Complaint complaint, string actor, DurableTaskClient durable, bool isNew, Func<CaseNumber, IEnumerable<CaseEvent>>? alsoOnTrail, CancellationToken cancellationToken)
    {
        // Triage now, so the orchestration starts with its plan and needs no activity to open. The opened
        // and triage lines (and what the caller adds) go on the trail in one transaction; same ids and times
        // on a retry, so the trail gets each line once.
        var (plan, triageLine) = await triage.OpenAsync(complaint, cancellationToken);
        var opened = new CaseEvent(
            complaint.CaseNumber,
            "opened",
            complaint.OpenedAt,
            "opened",
            actor,
            complaint.Channel.ToWire(),
            $"Complaint reported ({complaint.Details.Category.ToWire()}) through {complaint.Channel.ToWire()}.");
        await auditTrail.AppendAllAsync([opened, triageLine, .. alsoOnTrail?.Invoke(complaint.CaseNumber) ?? []], cancellationToken);
        logger.LogInformation("Triage: route {Route}, country {Country}", plan.Route, plan.Country);

        var instanceId = ComplaintCaseOrchestration.InstanceIdFor(complaint.CaseNumber);

        // A case created just now has no orchestration yet: only a resumed one needs the look (one storage read less per complaint).
        if (!isNew && await durable.GetInstanceAsync(instanceId, cancellationToken) is not null)
        {
            return;
        }

        var input = new CaseFlow { CaseNumber = complaint.CaseNumber.Value, SchemaVersion = CaseFlow.CurrentSchema, Plan = plan };
        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(
                ComplaintCaseOrchestration.Name, input, new StartOrchestrationOptions(instanceId) { Version = ProcessVersions.Current }, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Lost a race with a concurrent retry that started it: that is the outcome we wanted.
            if (await durable.GetInstanceAsync(instanceId, cancellationToken) is null)
            {
                throw;
            }
        }
    }
}
