using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ComplaintFunctions.LocalHost.Functions;

/// <summary>The queue settings of host.json (<c>extensions.queues</c>) the poller honours.</summary>
public sealed record QueueHostSettings(int MaxDequeueCount, TimeSpan VisibilityTimeout, int BatchSize, TimeSpan MaxPollingInterval);

/// <summary>
/// Runs a queue-triggered function the way the Functions host does: messages in batches, a
/// failed message becomes visible again after the visibility timeout, and after
/// <c>maxDequeueCount</c> attempts it moves to <c>&lt;queue&gt;-poison</c> so nothing is dropped.
/// </summary>
sealed class QueueTriggerPoller(
    FunctionEntry function,
    QueueServiceClient queues,
    QueueHostSettings settings,
    IServiceProvider services,
    IConfiguration configuration,
    ILogger logger) : BackgroundService
{
    // Hidden from other readers while the function runs.
    static readonly TimeSpan ProcessingVisibility = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var trigger = (QueueTriggerAttribute)function.TriggerAttribute!;
        var queueName = Resolve(trigger.QueueName);
        var queue = queues.GetQueueClient(queueName);
        var poison = queues.GetQueueClient($"{queueName}-poison");
        await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        await poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
        logger.LogInformation("{Function}: polling queue {Queue}", function.Name, queueName);

        var idle = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] batch;
            try
            {
                batch = (await queue.ReceiveMessagesAsync(settings.BatchSize, ProcessingVisibility, stoppingToken)).Value;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Azure.RequestFailedException e)
            {
                logger.LogWarning(e, "Polling {Queue} failed; trying again", queueName);
                batch = [];
            }

            if (batch.Length == 0)
            {
                await Task.Delay(idle, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, settings.MaxPollingInterval.Ticks));
                continue;
            }

            idle = TimeSpan.FromMilliseconds(100);
            await Task.WhenAll(batch.Select(message => HandleAsync(queue, poison, message, stoppingToken)));
        }
    }

    async Task HandleAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            await FunctionInvoker.InvokeAsync(
                function,
                scope.ServiceProvider,
                (parameter, out value) =>
                {
                    value = parameter == function.TriggerParameter ? Convert(message, parameter.ParameterType) : null;
                    return parameter == function.TriggerParameter;
                },
                stoppingToken);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                logger.LogError(e, "{Function} failed on message {MessageId} {Count} times; moving it to {Poison}", function.Name, message.MessageId, message.DequeueCount, poison.Name);
                await poison.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            }
            else
            {
                // Back on the queue after host.json's visibilityTimeout, as under the host.
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: CancellationToken.None);
                logger.LogWarning(e, "{Function} failed on message {MessageId} (attempt {Count} of {Max})", function.Name, message.MessageId, message.DequeueCount, settings.MaxDequeueCount);
            }
        }
    }

    static object? Convert(QueueMessage message, Type type) =>
        type == typeof(string) ? message.Body.ToString()
        : type == typeof(byte[]) ? message.Body.ToArray()
        : type == typeof(BinaryData) ? message.Body
        : type == typeof(QueueMessage) ? message
        : JsonSerializer.Deserialize(message.Body.ToString(), type, JsonSerializerOptions.Web);

    // Binding expressions such as %InboxQueue% come from configuration, as under the host.
    string Resolve(string name) =>
        name.Length > 2 && name[0] == '%' && name[^1] == '%' ? configuration[name[1..^1]] ?? throw new InvalidOperationException($"Setting {name} is not configured.") : name;
}
