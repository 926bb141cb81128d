using System.Collections.Concurrent;
using Azure.Data.Tables;

namespace ComplaintFunctions.Storage;

/// <summary>
/// Hands out table clients, creating each table once per process the first time it is used
/// (in Azure, infra/ has created them already and the call is a cheap 409). A failed
/// creation is tried again on the next use instead of being remembered.
/// </summary>
public sealed class AppTables(StorageAccount account)
{
    readonly ConcurrentDictionary<string, Task<TableClient>> tables = new(StringComparer.Ordinal);

    public async Task<TableClient> GetAsync(string name)
    {
        var task = tables.GetOrAdd(name, CreateAsync);
        try
        {
            return await task;
        }
        catch
        {
            tables.TryRemove(new KeyValuePair<string, Task<TableClient>>(name, task));
            throw;
        }
    }

    async Task<TableClient> CreateAsync(string name)
    {
        var client = account.Tables.GetTableClient(name);
        await client.CreateIfNotExistsAsync();
        return client;
    }
}
