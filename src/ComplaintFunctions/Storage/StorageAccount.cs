using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace ComplaintFunctions.Storage;

/// <summary>
/// The app's storage account, read from the same <c>AzureWebJobsStorage</c> setting the Functions host uses:
/// a connection string locally (Azurite), or identity-based (<c>__accountName</c>, <c>__clientId</c>) in Azure.
/// </summary>
public sealed class StorageAccount
{
    public const string SettingName = "AzureWebJobsStorage";

    StorageAccount(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues)
    {
        Tables = tables;
        Blobs = blobs;
        Queues = queues;
    }

    public TableServiceClient Tables { get; }
    public BlobServiceClient Blobs { get; }
    public QueueServiceClient Queues { get; }

    public static StorageAccount FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration[SettingName];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return FromConnectionString(connectionString);
        }

        var section = configuration.GetSection(SettingName);
        var accountName = section["accountName"];
        if (string.IsNullOrWhiteSpace(accountName))
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {SettingName} to a connection string, or {SettingName}__accountName (with {SettingName}__credential=managedidentity and {SettingName}__clientId) for an identity-based connection.");
        }

        TokenCredential credential = section["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return new StorageAccount(
            new TableServiceClient(new Uri($"https://{accountName}.table.core.windows.net"), credential),
            new BlobServiceClient(new Uri($"https://{accountName}.blob.core.windows.net"), credential),
            new QueueServiceClient(new Uri($"https://{accountName}.queue.core.windows.net"), credential, queueOptions));
    }

    public static StorageAccount FromConnectionString(string connectionString)
    {
        // The Functions queue trigger reads and writes Base64 messages; ours must match.
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return new StorageAccount(
            new TableServiceClient(connectionString),
            new BlobServiceClient(connectionString),
            new QueueServiceClient(connectionString, queueOptions));
    }
}
