using Azure.Core.Serialization;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LocalFunctionsRunner.Functions;

/// <summary>The queue settings of host.json (<c>extensions.queues</c>) the poller honours, with the host's defaults.</summary>
public sealed record QueueHostSettings(int MaxDequeueCount, TimeSpan VisibilityTimeout, int BatchSize, int NewBatchThreshold, TimeSpan MaxPollingInterval, string MessageEncoding);

/// <summary>
/// Runs a queue-triggered function the way the Functions host does: messages in batches, polling
/// that backs off to <c>maxPollingInterval</c> while the queue is empty, a failed message visible
/// again after <c>visibilityTimeout</c>, and after <c>maxDequeueCount</c> attempts the message in
/// <c>&lt;queue&gt;-poison</c>. A message that cannot be decoded (not base64 when host.json says
/// base64) goes to poison at once; a storage outage of any kind is waited out, never fatal.
/// </summary>
sealed class QueueTriggerPoller(
    FunctionEntry function,
    QueueHostSettings settings,
    IServiceProvider services,
    IConfiguration configuration,
    MiddlewarePipeline middleware,
    ObjectSerializer serializer,
    ILogger logger) : BackgroundService
{
    // Hidden from other readers while the function runs, renewed at half time as the host's listener
    // does; a runner killed mid-run leaves it hidden this long. LocalRunner:QueueProcessingVisibility
    // shortens it (the fault suite does, to see the redelivery within a test's time).
    TimeSpan ProcessingVisibility => TimeSpan.TryParse(configuration["LocalRunner:QueueProcessingVisibility"], System.Globalization.CultureInfo.InvariantCulture, out var set) && set > TimeSpan.FromSeconds(1)
        ? set
        : TimeSpan.FromMinutes(5);
    static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var trigger = (QueueTriggerAttribute)function.TriggerAttribute!;
        var queueName = Resolve(trigger.QueueName);
        var connection = ConnectionString(trigger.Connection);
        var raw = new QueueServiceClient(connection, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var poison = raw.GetQueueClient($"{queueName}-poison");
        var options = new QueueClientOptions { MessageEncoding = IsBase64 ? QueueMessageEncoding.Base64 : QueueMessageEncoding.None };
        options.MessageDecodingFailed += async args =>
        {
            if (args.ReceivedMessage is { } undecodable)
            {
                logger.LogError("{Function}: message {MessageId} on {Queue} is not {Encoding}; moving it to {Poison}", function.Name, undecodable.MessageId, queueName, settings.MessageEncoding, poison.Name);
                await poison.SendMessageAsync(undecodable.Body.ToString(), cancellationToken: CancellationToken.None);
                await args.Queue.DeleteMessageAsync(undecodable.MessageId, undecodable.PopReceipt, CancellationToken.None);
            }
        };
        var queue = new QueueServiceClient(connection, options).GetQueueClient(queueName);

        var interval = MinimumPollingInterval;
        var ready = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] batch;
            try
            {
                if (!ready)
                {
                    await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                    await poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                    logger.LogInformation("{Function}: polling queue {Queue}", function.Name, queueName);
                    ready = true;
                }

                batch = (await queue.ReceiveMessagesAsync(settings.BatchSize, ProcessingVisibility, stoppingToken)).Value
                    .Where(m => m is not null).ToArray();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The SDK gives up after its retries with AggregateException, RequestFailedException or a socket error: wait and poll again.
                logger.LogWarning("Polling {Queue} failed ({Error}); trying again in {Interval}", queueName, e.GetType().Name + ": " + e.Message, settings.MaxPollingInterval);
                batch = [];
                interval = settings.MaxPollingInterval;
            }

            if (batch.Length == 0)
            {
                await Task.Delay(interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                interval = TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, settings.MaxPollingInterval.Ticks));
                continue;
            }

            interval = MinimumPollingInterval;
            await Task.WhenAll(batch.Select(message => HandleAsync(queue, poison, message, stoppingToken)));
        }
    }

    async Task HandleAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var receipt = message.PopReceipt;
        var renewal = RenewAsync(queue, message.MessageId, () => receipt, r => receipt = r, renewing.Token);
        try
        {
            await using var scope = services.CreateAsyncScope();
            var bindingData = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
            {
                ["Id"] = message.MessageId,
                ["DequeueCount"] = message.DequeueCount,
                ["InsertionTime"] = message.InsertedOn,
                ["ExpirationTime"] = message.ExpiresOn,
                ["NextVisibleTime"] = message.NextVisibleOn,
                ["PopReceipt"] = message.PopReceipt,
                ["QueueTrigger"] = message.Body.ToString(),
            };
            await FunctionInvoker.InvokeAsync(
                function,
                scope.ServiceProvider,
                (parameter, out value) =>
                {
                    value = parameter == function.TriggerParameter ? Convert(message, parameter.ParameterType) : null;
                    return parameter == function.TriggerParameter;
                },
                middleware,
                bindingData,
                prepare: null,
                stoppingToken);
            await StopAsync(renewing, renewal);
            await queue.DeleteMessageAsync(message.MessageId, receipt, CancellationToken.None);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            await StopAsync(renewing, renewal);
            try
            {
                if (message.DequeueCount >= settings.MaxDequeueCount)
                {
                    logger.LogError(e, "{Function} failed on message {MessageId} {Count} times; moving it to {Poison}", function.Name, message.MessageId, message.DequeueCount, poison.Name);
                    // The poison copy is the message as it was on the queue (encoded again when the queue encodes).
                    await poison.SendMessageAsync(IsBase64 ? System.Convert.ToBase64String(message.Body.ToArray()) : message.Body.ToString(), cancellationToken: CancellationToken.None);
                    await queue.DeleteMessageAsync(message.MessageId, receipt, CancellationToken.None);
                }
                else
                {
                    // Back on the queue after host.json's visibilityTimeout, as under the host.
                    await queue.UpdateMessageAsync(message.MessageId, receipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: CancellationToken.None);
                    logger.LogWarning(e, "{Function} failed on message {MessageId} (attempt {Count} of {Max})", function.Name, message.MessageId, message.DequeueCount, settings.MaxDequeueCount);
                }
            }
            catch (Exception storage)
            {
                // Storage is down as well: the message becomes visible again by itself after ProcessingVisibility, and is retried then.
                logger.LogWarning("{Function}: could not release message {MessageId} ({Error}); it comes back by itself", function.Name, message.MessageId, storage.Message);
            }
        }
    }

    async Task RenewAsync(QueueClient queue, string messageId, Func<string> receipt, Action<string> renewed, CancellationToken cancellationToken)
    {
        var visibility = ProcessingVisibility;
        try
        {
            while (true)
            {
                await Task.Delay(visibility / 2, cancellationToken);
                var updated = await queue.UpdateMessageAsync(messageId, receipt(), visibilityTimeout: visibility, cancellationToken: cancellationToken);
                renewed(updated.Value.PopReceipt);
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            // Storage away: the message may come back while the function still runs, as under the host.
            logger.LogWarning("{Function}: could not keep message {MessageId} hidden ({Error})", function.Name, messageId, e.Message);
        }
    }

    static async Task StopAsync(CancellationTokenSource renewing, Task renewal)
    {
        await renewing.CancelAsync();
        await renewal;
    }

    bool IsBase64 => !settings.MessageEncoding.Equals("none", StringComparison.OrdinalIgnoreCase);

    object? Convert(QueueMessage message, Type type) =>
        type == typeof(string) ? message.Body.ToString()
        : type == typeof(byte[]) ? message.Body.ToArray()
        : type == typeof(BinaryData) ? message.Body
        : type == typeof(QueueMessage) ? message
        : serializer.Deserialize(message.Body.ToStream(), type, CancellationToken.None);

    // Binding expressions such as %InboxQueue% come from configuration, as under the host.
    string Resolve(string name) =>
        name.Length > 2 && name[0] == '%' && name[^1] == '%' ? configuration[name[1..^1]] ?? throw new InvalidOperationException($"Setting {name} is not configured.") : name;

    string ConnectionString(string? connection)
    {
        var name = string.IsNullOrEmpty(connection) ? "AzureWebJobsStorage" : connection;
        var value = configuration[name] ?? configuration[$"ConnectionStrings:{name}"] ?? configuration[$"AzureWebJobs{name}"];
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException($"{function.Name}: the queue connection '{name}' is not a connection string in the settings (identity-based connections are not supported by the local runner).");
        }

        return value;
    }
}
