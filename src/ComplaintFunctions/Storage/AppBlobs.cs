using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace ComplaintFunctions.Storage;

/// <summary>The app's blob containers; infra/ creates the same names in Azure.</summary>
public static class ContainerNames
{
    /// <summary>Every mail as it arrived, before anything parsed it.</summary>
    public const string RawMail = "raw-mail";
    /// <summary>Attachments, referenced from their case.</summary>
    public const string Attachments = "attachments";
    /// <summary>Case files prepared for the ombudsman and the external bodies.</summary>
    public const string CaseFiles = "case-files";
}

/// <summary>Container clients, each created once per process on first use (a failure is tried again next time).</summary>
public sealed class AppBlobs(StorageAccount account)
{
    readonly ConcurrentDictionary<string, Task<BlobContainerClient>> containers = new(StringComparer.Ordinal);

    public async Task<BlobContainerClient> GetAsync(string name)
    {
        var task = containers.GetOrAdd(name, CreateAsync);
        try
        {
            return await task;
        }
        catch
        {
            containers.TryRemove(new KeyValuePair<string, Task<BlobContainerClient>>(name, task));
            throw;
        }
    }

    async Task<BlobContainerClient> CreateAsync(string name)
    {
        var client = account.Blobs.GetBlobContainerClient(name);
        await client.CreateIfNotExistsAsync();
        return client;
    }
}

/// <summary>
/// The app's queues, each made once per process (the first use creates it if missing), so an accepted
/// mail costs its queue put and not a create call as well.
/// </summary>
public sealed class AppQueues(StorageAccount account)
{
    readonly ConcurrentDictionary<string, Task<QueueClient>> queues = new(StringComparer.Ordinal);

    public async Task<QueueClient> GetAsync(string name)
    {
        var task = queues.GetOrAdd(name, CreateAsync);
        try
        {
            return await task;
        }
        catch
        {
            queues.TryRemove(new KeyValuePair<string, Task<QueueClient>>(name, task));
            throw;
        }
    }

    async Task<QueueClient> CreateAsync(string name)
    {
        var client = account.Queues.GetQueueClient(name);
        await client.CreateIfNotExistsAsync();
        return client;
    }
}

/// <summary>The app's queues' names.</summary>
public static class QueueNames
{
    /// <summary>Mail waiting to be read: raw MIME from any forwarder, or a reference to a stored SendGrid post.</summary>
    public const string ComplaintInbox = "complaint-inbox";
}
