using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Service;
using ComplaintFunctions.Notifications;
using ComplaintFunctions.Telemetry;
using Microsoft.DurableTask;

namespace ComplaintFunctions.Workflow.Legacy;

/// <summary>
/// What every orchestration of a case does the same way: mail with links, change the stage, read
/// its clocks. Deterministic: time and ids come from the context.
/// </summary>
sealed class V1CaseTools(TaskOrchestrationContext context, string caseNumber, CasePlan plan, int mailSequence)
{
    static readonly TaskOptions StorageRetry = TaskOptions.FromRetryPolicy(
        new RetryPolicy(maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2));

    BusinessCalendar? calendar;

    public int MailSequence { get; private set; } = mailSequence;
    public DateTimeOffset Now => new(context.CurrentUtcDateTime, TimeSpan.Zero);
    public BusinessCalendar Calendar => calendar ??= new BusinessCalendar(plan.Country, plan.Hours);
    public static TaskOptions Storage => StorageRetry;

    // Mail may fail for a while (SendGrid 429/5xx): back off threefold, by default for about half an hour in all.
    TaskOptions MailRetry => TaskOptions.FromRetryPolicy(
        new RetryPolicy(Math.Max(1, plan.Timings.MailRetryAttempts), plan.Timings.MailRetryFirstInterval, backoffCoefficient: 3, maxRetryInterval: TimeSpan.FromMinutes(10)));

    public LinkOrder Link(string placeholder, string step, string role) =>
        new(placeholder, step, role, context.NewGuid(), context.CurrentUtcDateTime + plan.Timings.ActionLinkLifetime);

    /// <summary>A view link, expiring like the mail's action links; nothing in it is random, so a retried mail carries the same link.</summary>
    public ViewLinkOrder View(string placeholder, string view, string role) =>
        new(placeholder, view, role, context.CurrentUtcDateTime + plan.Timings.ActionLinkLifetime);

    public static Dictionary<string, DateTime> Times(params (string Name, DateTimeOffset At)[] times) =>
        times.ToDictionary(t => t.Name, t => t.At.UtcDateTime, StringComparer.Ordinal);

    /// <summary>Sends one mail; if every retry fails, the case records it and goes on.</summary>
    public async Task MailAsync(
        MailKind kind,
        IReadOnlyList<LinkOrder>? links = null,
        IReadOnlyDictionary<string, DateTime>? times = null,
        string? textRef = null,
        decimal? amount = null,
        IReadOnlyDictionary<string, string>? extra = null,
        IReadOnlyList<ViewLinkOrder>? views = null)
    {
        MailSequence++;
        var order = new CaseMailOrder(caseNumber, kind, MailSequence, context.CurrentUtcDateTime, links ?? [], times ?? Times(), textRef, amount, extra, views);
        try
        {
            await context.CallActivityAsync<string?>(CaseWorkActivities.SendCaseMail, order, MailRetry);
        }
        catch (TaskFailedException e)
        {
            await context.CallActivityAsync(
                CaseWorkActivities.RecordMailFailure,
                new MailFailure(caseNumber, kind, MailSequence, e.FailureDetails.ErrorMessage, context.CurrentUtcDateTime),
                StorageRetry);
        }
    }

    /// <summary>
    /// Counts a target that passed (the escalation metric) once per real execution: a replayed
    /// episode does not count it again. Nothing the orchestration decides depends on it.
    /// </summary>
    public void SlaBreached(string stage)
    {
        if (!context.IsReplaying)
        {
            ComplaintMetrics.SlaBreached(stage);
        }
    }

    public Task<bool> ApplyAsync(CaseAction action, string actor) =>
        context.CallActivityAsync<bool>(
            CaseWorkActivities.ApplyCaseAction,
            new CaseActionOrder(caseNumber, action, actor, actor == "system" ? "system" : "link", context.CurrentUtcDateTime),
            StorageRetry);

    public Task RecordStateAsync(string owner, DateTimeOffset? due, bool overdue) =>
        context.CallActivityAsync(CaseWorkActivities.RecordServiceState, new ServiceState(caseNumber, owner, due?.UtcDateTime, overdue), StorageRetry);

    /// <summary>The instant a reminder is due: the lead before the clock's target, or null when the target is shorter than the lead.</summary>
    public DateTimeOffset? ReminderAt(SlaClock? sla, TimeSpan lead) =>
        sla is { IsRunning: true } running && running.Target > lead ? (running with { Target = running.Target - lead }).DueAt(Calendar) : null;

    readonly V1EpisodeWait wait = new(context);

    /// <summary>Waits for the next input on <paramref name="eventName"/>, or null when <paramref name="deadline"/> comes first.</summary>
    public Task<CaseInput?> NextInputAsync(string eventName, DateTimeOffset? deadline) => wait.NextAsync(eventName, deadline);

    /// <summary>An input that reached the episode's wait while its clock was handled: the episode must handle it before it ends.</summary>
    public CaseInput? LateInput => wait.Late;
}

/// <summary>
/// An episode's one wait: the next input, or a clock. An input delivered to an outstanding wait is
/// consumed by it, never kept as an unprocessed event, and a cancelled wait still swallows the next
/// input (the SDK keeps the cancelled waiter). So the wait is never cancelled: it gives back an input
/// that came in the same work item as the clock, and after a clock it stays open, so an input that
/// comes while the clock's work runs is held in <see cref="Late"/> for the episode to handle before it
/// continues as new. Later inputs find no waiter and are kept for the next episode.
/// </summary>
sealed class V1EpisodeWait(TaskOrchestrationContext context)
{
    Task<CaseInput>? pending;

    public CaseInput? Late => pending is { IsCompletedSuccessfully: true } done ? done.Result : null;

    public async Task<CaseInput?> NextAsync(string eventName, DateTimeOffset? deadline)
    {
        if (pending is not null)
        {
            throw new InvalidOperationException("An episode waits once; handle its late input instead of waiting again.");
        }

        using var stopTimer = new CancellationTokenSource();
        var input = context.WaitForExternalEvent<CaseInput>(eventName);
        if (deadline is { } at)
        {
            var fireAt = at.UtcDateTime;
            while (true)
            {
                var timer = context.CreateTimer(fireAt, stopTimer.Token);
                if (await Task.WhenAny(input, timer) == input || input.IsCompleted)
                {
                    // An input that came in the same work item as the clock goes first; the clock, due
                    // already, fires at once in the next episode.
                    break;
                }

                // The Azure Storage backend can fire a timer up to a second early: wait out the rest here
                // rather than spend a whole new episode on a clock that is not due yet.
                if (context.CurrentUtcDateTime >= at.UtcDateTime)
                {
                    pending = input;
                    return null;
                }

                // Its delays are whole seconds, measured a moment after this clock: a timer under two
                // seconds out could fire again at once, so the rest is waited in at least two.
                var soonest = context.CurrentUtcDateTime.AddSeconds(2);
                fireAt = soonest > at.UtcDateTime ? soonest : at.UtcDateTime;
            }

            // Synchronous on purpose: an orchestrator awaits only durable tasks.
#pragma warning disable CA1849
            stopTimer.Cancel();
#pragma warning restore CA1849
        }

        return await input;
    }
}
