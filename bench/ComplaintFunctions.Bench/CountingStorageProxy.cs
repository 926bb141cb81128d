using System.Net;
using LocalFunctionsRunner.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace ComplaintFunctions.Bench;

/// <summary>
/// Storage requests seen by the proxy, per service; "reads" are GET and HEAD, "writes" every
/// other verb (a table batch is one POST, a queue receive is one GET).
/// </summary>
internal readonly record struct StorageCounts(
    double BlobReads, double BlobWrites, double QueueReads, double QueueWrites, double TableReads, double TableWrites)
{
    public double Blob => BlobReads + BlobWrites;
    public double Queue => QueueReads + QueueWrites;
    public double Table => TableReads + TableWrites;
    public double Total => Blob + Queue + Table;

    public static StorageCounts operator -(StorageCounts a, StorageCounts b) => new(
        a.BlobReads - b.BlobReads, a.BlobWrites - b.BlobWrites,
        a.QueueReads - b.QueueReads, a.QueueWrites - b.QueueWrites,
        a.TableReads - b.TableReads, a.TableWrites - b.TableWrites);

    public StorageCounts Times(double factor) => new(
        BlobReads * factor, BlobWrites * factor, QueueReads * factor, QueueWrites * factor, TableReads * factor, TableWrites * factor);

    /// <summary>Never below zero: a baseline estimate can exceed a short window's real count.</summary>
    public StorageCounts AtLeastZero() => new(
        Math.Max(0, BlobReads), Math.Max(0, BlobWrites), Math.Max(0, QueueReads),
        Math.Max(0, QueueWrites), Math.Max(0, TableReads), Math.Max(0, TableWrites));
}

/// <summary>
/// A small reverse proxy on 127.0.0.1 in front of Azurite's blob, queue and table ports that
/// counts every request by service. The runner and the bare engine get a connection string that
/// points here, so every storage request they make is seen. It forwards the request target
/// byte for byte and every end-to-end header, so shared-key signatures still verify.
/// </summary>
internal sealed class CountingStorageProxy : IAsyncDisposable
{
    enum Service { Blob, Queue, Table }

    static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization",
        "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host", "Expect",
    };

    readonly WebApplication app;
    readonly HttpMessageInvoker forwarder;
    readonly Dictionary<int, (Service Service, int TargetPort)> routes;
    readonly long[] counts = new long[6];
    readonly System.Collections.Concurrent.ConcurrentQueue<(int Service, double Milliseconds)> timings = new();

    CountingStorageProxy(WebApplication app, HttpMessageInvoker forwarder, Dictionary<int, (Service, int)> routes, AzuriteEndpoints endpoints)
    {
        this.app = app;
        this.forwarder = forwarder;
        this.routes = routes;
        Endpoints = endpoints;
    }

    /// <summary>The proxy's ports; <see cref="AzuriteEndpoints.ConnectionString"/> gives what to hand to clients.</summary>
    public AzuriteEndpoints Endpoints { get; }

    public static async Task<CountingStorageProxy> StartAsync(AzuriteEndpoints target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var endpoints = new AzuriteEndpoints(AzuriteProcess.FreePort(), AzuriteProcess.FreePort(), AzuriteProcess.FreePort());
        var routes = new Dictionary<int, (Service, int)>
        {
            [endpoints.BlobPort] = (Service.Blob, target.BlobPort),
            [endpoints.QueuePort] = (Service.Queue, target.QueuePort),
            [endpoints.TablePort] = (Service.Table, target.TablePort),
        };

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MinResponseDataRate = null;
            foreach (var port in routes.Keys)
            {
                kestrel.Listen(IPAddress.Loopback, port);
            }
        });
        var app = builder.Build();
        var forwarder = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        });
        var proxy = new CountingStorageProxy(app, forwarder, routes, endpoints);
        app.Run(proxy.ForwardAsync);
        await app.StartAsync(cancellationToken);
        return proxy;
    }

    /// <summary>Requests so far per service, verb and resource (a container, queue or table, without its keys), for the idle breakdown.</summary>
    public IReadOnlyDictionary<string, long> ByResource() => byResource.ToDictionary(kv => kv.Key, kv => kv.Value);

    readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> byResource = new();

    static string ResourceOf(string path)
    {
        // /devstoreaccount1/<resource>[/...]: a table's keys in brackets and a blob's name are left out.
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = parts.Length > 1 ? parts[1] : "(account)";
        var bracket = resource.IndexOf('(', StringComparison.Ordinal);
        return bracket > 0 ? resource[..bracket] : resource;
    }

    public StorageCounts Snapshot() => new(
        Interlocked.Read(ref counts[0]), Interlocked.Read(ref counts[1]), Interlocked.Read(ref counts[2]),
        Interlocked.Read(ref counts[3]), Interlocked.Read(ref counts[4]), Interlocked.Read(ref counts[5]));

    /// <summary>When tracing: how long each request since the last call took through the proxy, per service (blob, queue, table).</summary>
    public bool Timing { get; set; }

    public IReadOnlyList<(int Service, double Milliseconds)> TakeTimings()
    {
        var taken = new List<(int, double)>();
        while (timings.TryDequeue(out var t))
        {
            taken.Add(t);
        }

        return taken;
    }

    async Task ForwardAsync(HttpContext context)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await ForwardCoreAsync(context);
        }
        finally
        {
            if (Timing)
            {
                timings.Enqueue(((int)routes[context.Connection.LocalPort].Service, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds));
            }
        }
    }

    async Task ForwardCoreAsync(HttpContext context)
    {
        var (service, targetPort) = routes[context.Connection.LocalPort];
        var request = context.Request;
        var isRead = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        Interlocked.Increment(ref counts[((int)service * 2) + (isRead ? 0 : 1)]);
        byResource.AddOrUpdate($"{service.ToString().ToLowerInvariant()} {request.Method} {ResourceOf(request.Path.Value ?? string.Empty)}", 1, (_, n) => n + 1);

        // The raw target, not the decoded path: the signature covers the resource as the client wrote it.
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        using var outgoing = new HttpRequestMessage(new HttpMethod(request.Method), new Uri($"http://127.0.0.1:{targetPort}{rawTarget}"));
        var hasBody = request.ContentLength is not null || request.Headers.TransferEncoding.Count > 0 || request.Headers.ContentType.Count > 0;
        if (hasBody)
        {
            outgoing.Content = new StreamContent(request.Body);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            if (!outgoing.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                outgoing.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        HttpResponseMessage response;
        try
        {
            response = await forwarder.SendAsync(outgoing, context.RequestAborted);
        }
        catch (HttpRequestException e)
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            await context.Response.WriteAsync($"proxy: {e.Message}", context.RequestAborted);
            return;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            context.Response.StatusCode = status;
            context.Features.GetRequiredFeature<IHttpResponseFeature>().ReasonPhrase = response.ReasonPhrase;
            var noBody = status is 204 or 304 || HttpMethods.IsHead(request.Method);
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                if (HopByHop.Contains(name) || (status is 204 or 304 && name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                context.Response.Headers[name] = values.ToArray();
            }

            if (!noBody)
            {
                await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        forwarder.Dispose();
    }
}
