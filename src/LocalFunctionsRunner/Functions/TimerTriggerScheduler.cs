using System.Globalization;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NCrontab;

namespace LocalFunctionsRunner.Functions;

/// <summary>A timer trigger's schedule: an NCRONTAB expression (six fields, seconds first, or the classic five) or a fixed interval (<c>hh:mm:ss</c>).</summary>
public sealed class TimerSchedule
{
    readonly CrontabSchedule? cron;
    readonly TimeSpan? interval;

    TimerSchedule(CrontabSchedule? cron, TimeSpan? interval, TimeZoneInfo zone)
    {
        this.cron = cron;
        this.interval = interval;
        Zone = zone;
    }

    /// <summary>The zone the expression is read in: <c>WEBSITE_TIME_ZONE</c> when set, else UTC, as under the host.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>Reads a schedule as the host's timer extension does, or says why it cannot.</summary>
    public static TimerSchedule Parse(string expression, TimeZoneInfo zone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        ArgumentNullException.ThrowIfNull(zone);
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is 5 or 6)
        {
            var cron = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields.Length == 6 })
                ?? throw new FormatException($"'{expression}' is not a valid NCRONTAB expression.");
            return new TimerSchedule(cron, null, zone);
        }

        if (TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var every) && every > TimeSpan.Zero)
        {
            return new TimerSchedule(null, every, zone);
        }

        throw new FormatException($"'{expression}' is neither an NCRONTAB expression nor a TimeSpan.");
    }

    /// <summary>The first occurrence after <paramref name="after"/> (UTC), worked out on the zone's wall clock.</summary>
    public DateTimeOffset Next(DateTimeOffset after)
    {
        if (interval is { } every)
        {
            return after + every;
        }

        var local = TimeZoneInfo.ConvertTime(after, Zone).DateTime;
        var next = cron!.GetNextOccurrence(local);

        // A wall-clock time that does not exist (the spring change) is skipped to the next one.
        while (Zone.IsInvalidTime(next))
        {
            next = cron.GetNextOccurrence(next);
        }

        return new DateTimeOffset(next, Zone.GetUtcOffset(next)).ToUniversalTime();
    }

    /// <summary>The zone the host reads schedules in: <c>WEBSITE_TIME_ZONE</c> (a Windows or IANA id) when set, else UTC.</summary>
    public static TimeZoneInfo ZoneFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration["WEBSITE_TIME_ZONE"] is { Length: > 0 } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : TimeZoneInfo.Utc;
    }
}

/// <summary>
/// Runs a timer-triggered function as the host's timer extension does: the schedule from the trigger
/// (a <c>%setting%</c> read from the settings), in UTC or <c>WEBSITE_TIME_ZONE</c>; once at start when
/// <c>RunOnStartup</c>; and with <c>UseMonitor</c> the schedule's status kept in the storage account
/// (<c>azure-webjobs-hosts/timers/…/status</c>), so an occurrence missed while the app was down runs
/// at the next start with <c>IsPastDue</c>. A run that fails is logged and the next occurrence comes as planned.
/// </summary>
sealed class TimerTriggerScheduler(
    FunctionEntry function,
    IServiceProvider services,
    IConfiguration configuration,
    MiddlewarePipeline middleware,
    TimeProvider time,
    ILogger logger) : BackgroundService
{
    const string StatusContainer = "azure-webjobs-hosts";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var trigger = (TimerTriggerAttribute)function.TriggerAttribute!;
        string expression;
        TimerSchedule schedule;
        try
        {
            expression = Resolve(trigger.Schedule);
            schedule = TimerSchedule.Parse(expression, TimerSchedule.ZoneFrom(configuration));
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or TimeZoneNotFoundException)
        {
            // As the host, which reports the function in error and runs the others.
            logger.LogError("{Function}: its timer cannot run: {Error}", function.Name, e.Message);
            return;
        }

        BlobClient? monitor = null;
        ScheduleStatus? status = null;
        try
        {
            monitor = trigger.UseMonitor ? await StatusBlobAsync(stoppingToken) : null;
            status = monitor is null ? null : await ReadStatusAsync(monitor, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage away at start: the timer runs on its schedule without the status until a write succeeds.
            logger.LogWarning("{Function}: the timer's status could not be read ({Error})", function.Name, e.Message);
        }

        var now = time.GetUtcNow();
        var next = schedule.Next(now);
        logger.LogInformation("{Function}: timer '{Schedule}' ({Zone}); next run {Next:O}", function.Name, expression, schedule.Zone.Id, next);

        var pastDue = status?.Next is { } due && due < now;
        if (trigger.RunOnStartup || pastDue)
        {
            await RunAsync(status, next, pastDue, monitor, stoppingToken);
            status = new ScheduleStatus { Last = now.UtcDateTime, Next = next.UtcDateTime, LastUpdated = now.UtcDateTime };
        }
        else if (monitor is not null)
        {
            status = new ScheduleStatus { Last = status?.Last ?? default, Next = next.UtcDateTime, LastUpdated = now.UtcDateTime };
            try
            {
                await WriteStatusAsync(monitor, status, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("{Function}: could not keep the timer's status ({Error})", function.Name, e.Message);
            }
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            var ran = next;
            next = schedule.Next(ran > time.GetUtcNow() ? ran : time.GetUtcNow());
            await RunAsync(status, next, pastDue: false, monitor, stoppingToken);
            status = new ScheduleStatus { Last = ran.UtcDateTime, Next = next.UtcDateTime, LastUpdated = time.GetUtcNow().UtcDateTime };
        }
    }

    async Task RunAsync(ScheduleStatus? before, DateTimeOffset next, bool pastDue, BlobClient? monitor, CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        var info = new TimerInfo
        {
            IsPastDue = pastDue,
            ScheduleStatus = new ScheduleStatus { Last = before?.Last ?? default, Next = next.UtcDateTime, LastUpdated = before?.LastUpdated ?? default },
        };
        try
        {
            await using var scope = services.CreateAsyncScope();
            await FunctionInvoker.InvokeAsync(
                function,
                scope.ServiceProvider,
                (parameter, out value) =>
                {
                    value = parameter == function.TriggerParameter ? info : null;
                    return parameter == function.TriggerParameter;
                },
                middleware,
                new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["TimerTrigger"] = JsonSerializer.Serialize(info) },
                prepare: null,
                stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogError(e, "{Function}: the timer's run failed; the next is at {Next:O}", function.Name, next);
        }

        if (monitor is not null)
        {
            try
            {
                await WriteStatusAsync(monitor, new ScheduleStatus { Last = now.UtcDateTime, Next = next.UtcDateTime, LastUpdated = time.GetUtcNow().UtcDateTime }, CancellationToken.None);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Storage away: the status is written at the next run; a restart meanwhile may run once more, as under the host.
                logger.LogWarning("{Function}: could not keep the timer's status ({Error})", function.Name, e.Message);
            }
        }
    }

    async Task<BlobClient?> StatusBlobAsync(CancellationToken cancellationToken)
    {
        if (configuration["AzureWebJobsStorage"] is not { Length: > 0 } connection)
        {
            return null;
        }

        var container = new BlobContainerClient(connection, StatusContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return container.GetBlobClient($"timers/local-runner/{function.Method.DeclaringType?.FullName}.{function.Method.Name}/status");
    }

    static async Task<ScheduleStatus?> ReadStatusAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var content = await blob.DownloadContentAsync(cancellationToken);
            return JsonSerializer.Deserialize<ScheduleStatus>(content.Value.Content.ToString());
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    static async Task WriteStatusAsync(BlobClient blob, ScheduleStatus status, CancellationToken cancellationToken) =>
        await blob.UploadAsync(BinaryData.FromString(JsonSerializer.Serialize(status)), overwrite: true, cancellationToken);

    // Binding expressions such as %Retention:Schedule% come from the settings, as under the host.
    string Resolve(string name) =>
        name.Length > 2 && name[0] == '%' && name[^1] == '%' ? configuration[name[1..^1]] ?? throw new InvalidOperationException($"Setting {name} is not configured.") : name;
}
