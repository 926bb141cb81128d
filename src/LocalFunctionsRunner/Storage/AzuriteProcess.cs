using System.Diagnostics;
using System.Net.Sockets;

namespace LocalFunctionsRunner.Storage;

/// <summary>Where an Azurite listens, and the connection string for it.</summary>
public sealed record AzuriteEndpoints(int BlobPort, int QueuePort, int TablePort)
{
    public static AzuriteEndpoints Default { get; } = new(10000, 10001, 10002);

    // Azurite's well-known development account; it only exists on this machine.
    const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";
}

/// <summary>
/// Starts Azurite from the repository's pinned npm install (node_modules/azurite) when nothing
/// listens on its ports, and stops it again on dispose. Reuses one that is already running.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    readonly Process? process;

    AzuriteProcess(AzuriteEndpoints endpoints, Process? process)
    {
        Endpoints = endpoints;
        this.process = process;
    }

    public AzuriteEndpoints Endpoints { get; }

    /// <summary>True when this object started Azurite (and so stops it).</summary>
    public bool Started => process is not null;

    /// <param name="dataFolder">Where Azurite keeps its data; null keeps it in memory only (tests, benchmarks).</param>
    public static async Task<AzuriteProcess> EnsureRunningAsync(AzuriteEndpoints endpoints, string? dataFolder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (await IsListeningAsync(endpoints.BlobPort) && await IsListeningAsync(endpoints.QueuePort) && await IsListeningAsync(endpoints.TablePort))
        {
            return new AzuriteProcess(endpoints, null);
        }

        var script = FindScript()
            ?? throw new InvalidOperationException($"Azurite is not installed: no node_modules/azurite above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}. Run 'npm ci' where package.json pins it.");

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", endpoints.BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", endpoints.QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", endpoints.TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--skipApiVersionCheck", "--disableProductStyleUrl", "--silent",
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (dataFolder is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(dataFolder);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(dataFolder);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (errors) { errors.AppendLine(e.Data); } } };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await IsListeningAsync(endpoints.BlobPort) && await IsListeningAsync(endpoints.QueuePort) && await IsListeningAsync(endpoints.TablePort)))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                string why;
                lock (errors)
                {
                    why = errors.ToString();
                }

                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                throw new InvalidOperationException($"Azurite did not start on ports {endpoints.BlobPort}-{endpoints.TablePort}. {why}");
            }

            await Task.Delay(100, cancellationToken);
        }

        return new AzuriteProcess(endpoints, process);
    }

    /// <summary>Azurite from the nearest <c>node_modules</c> upwards from the program or the current folder (a pinned npm install).</summary>
    static string? FindScript()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var script = Path.Combine(dir.FullName, "node_modules", "azurite", "dist", "src", "azurite.js");
                if (File.Exists(script))
                {
                    return script;
                }
            }
        }

        return null;
    }

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
    }

    public static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>A free loopback port, for runs that must not collide with another Azurite or runner.</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
