using System.Globalization;

namespace ComplaintFunctions.Bench;

/// <summary>
/// With --trace: one line per second on stderr with storage requests per second, how long they
/// took through the proxy, thread pool state and CPU use, to see where time goes.
/// </summary>
internal sealed class Tracer(CountingStorageProxy proxy, int? azuritePid) : IAsyncDisposable
{
    readonly CancellationTokenSource stop = new();
    Task? loop;

    public void Start()
    {
        proxy.Timing = true;
        loop = Task.Run(() => RunAsync(stop.Token));
    }

    async Task RunAsync(CancellationToken cancellationToken)
    {
        var last = proxy.Snapshot();
        var cpu = SystemProbe.StartCpuWindow(azuritePid);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            var now = proxy.Snapshot();
            var d = now - last;
            last = now;
            var used = cpu();
            cpu = SystemProbe.StartCpuWindow(azuritePid);
            var timings = proxy.TakeTimings();
            string Latency(int service)
            {
                var ms = timings.Where(t => t.Service == service).Select(t => t.Milliseconds).Order().ToArray();
                return ms.Length == 0 ? "-" : string.Create(CultureInfo.InvariantCulture, $"{ms[ms.Length / 2]:0}/{ms[Math.Min(ms.Length - 1, (int)(ms.Length * 0.99))]:0}/{ms[^1]:0}");
            }

            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"trace {DateTime.UtcNow:HH:mm:ss} req/s b {d.Blob:0} q {d.Queue:0} t {d.Table:0} | ms p50/p99/max b {Latency(0)} q {Latency(1)} t {Latency(2)} | threads {ThreadPool.ThreadCount} queued {ThreadPool.PendingWorkItemCount} | cores busy: this/Azurite/others {used.Format()}"));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (loop is not null)
        {
            try
            {
                await loop;
            }
            catch (OperationCanceledException)
            {
            }
        }

        stop.Dispose();
        proxy.Timing = false;
    }
}
