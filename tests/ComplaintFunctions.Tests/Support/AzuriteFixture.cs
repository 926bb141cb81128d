using LocalFunctionsRunner.Storage;
using ComplaintFunctions.Storage;

namespace ComplaintFunctions.Tests.Support;

/// <summary>One real Azurite for the test run, in memory, on free ports (never the developer's own).</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    AzuriteProcess? azurite;

    public string ConnectionString => azurite?.Endpoints.ConnectionString ?? throw new InvalidOperationException("Azurite has not started.");

    public AzuriteEndpoints Endpoints => azurite?.Endpoints ?? throw new InvalidOperationException("Azurite has not started.");

    public StorageAccount Account => StorageAccount.FromConnectionString(ConnectionString);

    public async Task InitializeAsync()
    {
        var endpoints = new AzuriteEndpoints(AzuriteProcess.FreePort(), AzuriteProcess.FreePort(), AzuriteProcess.FreePort());
        azurite = await AzuriteProcess.EnsureRunningAsync(endpoints, dataFolder: null);
    }

    public async Task DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
