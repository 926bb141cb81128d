using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Storage.Queues;
using ComplaintFunctions.Inbound;
using ComplaintFunctions.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ComplaintFunctions.Tests.Faults;

/// <summary>
/// The fault suite's hostile input: a seeded mutation fuzzer posts broken, hostile and oversized
/// complaints and mails at every public door (JSON, the browser's form urlencoded and multipart,
/// SendGrid's raw and parsed modes, the agents' door). No answer is a 5xx or shows a stack trace,
/// every refusal is a problem or a page, memory stays bounded, and every input a door accepted is
/// found again: a web complaint as its case, a mail as a case, a reply, or an item staff review.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Faults")]
public sealed partial class HostileInputTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    const string InboundSecret = "local-inbound-secret";
    const int Parallelism = 4;
    const long MemoryLimitBytes = 1536L * 1024 * 1024;
    static readonly TimeSpan MailWait = TimeSpan.FromSeconds(60);
    // A door that spins on a post is wrong; under the full run's backlog on one Azurite thread an accept
    // can wait tens of seconds behind the work (the cost issue), so the limit is generous and the
    // slowest answer is reported.
    static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(120);
    long slowestTicks;

    readonly CapturingLoggerProvider logs = new();
    RunnerClient runner = null!;

    public async Task InitializeAsync() => runner = await RunnerClient.StartAsync(
        azurite,
        "hostile" + Guid.NewGuid().ToString("N")[..8],
        logging: logging => logging.AddProvider(logs));

    public async Task DisposeAsync() => await runner.DisposeAsync();

    public void Dispose() => logs.Dispose();

    /// <summary>What a door answered to one post.</summary>
    sealed record Answer(HostilePost Post, int Status, string? MediaType, string Body, string? TransportError)
    {
        public string Snippet => Body.Length <= 300 ? Body : Body[..300] + "…";
    }

    [Fact]
    public async Task Hostile_input_at_every_door_gets_no_5xx_no_stack_trace_and_loses_nothing_accepted()
    {
        var scale = FaultScale.Current;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FAULT_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var given) ? given : 20261211;
        output.WriteLine($"hostile input: seed {seed} (FAULT_SEED={seed} repeats this run), {scale.HostileInputs} inputs, {Parallelism} in parallel");
        var corpus = new HostileCorpus(seed, InboundSecret);
        var clock = Stopwatch.StartNew();

        using var sampling = new CancellationTokenSource();
        long peak = Environment.WorkingSet;
        var sampler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
            try
            {
                while (await timer.WaitForNextTickAsync(sampling.Token))
                {
                    Interlocked.Exchange(ref peak, Math.Max(Interlocked.Read(ref peak), Environment.WorkingSet));
                }
            }
            catch (OperationCanceledException)
            {
                // The run is over.
            }
        });

        // Send: every answer judged as it comes; the accepted are kept for the accounting.
        var answers = new ConcurrentBag<Answer>();
        var acceptedCases = new ConcurrentBag<(HostilePost Post, string CaseNumber)>();
        var acceptedMails = new ConcurrentBag<(HostilePost Post, string IdentityHash)>();
        var overLimitMails = scale.IsFull ? 6 : 2;
        await Parallel.ForEachAsync(corpus.Posts(scale.HostileInputs, overLimitMails), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (post, ct) =>
        {
            var answer = await SendAsync(post, ct);
            answers.Add(answer);
            if (answer.Status is >= 200 and < 300)
            {
                if (post.IsMail)
                {
                    var identity = await MailIdentity.OfSendGridPostAsync(post.Body, post.ContentType, ct);
                    acceptedMails.Add((post, RawMailStore.IdentityHash(identity)));
                }
                else if (CaseNumberIn(answer) is { } caseNumber)
                {
                    acceptedCases.Add((post, caseNumber));
                }
            }
        });
        var sent = clock.Elapsed;
        var wrong = answers.Where(a => Wrong(a) is not null).OrderBy(a => a.Post.Number).ToList();

        // Account: every accepted complaint is a case staff can open; every accepted mail ended somewhere staff see it.
        var lostCases = await UnaccountedCasesAsync(acceptedCases.ToList());
        var (lostMails, mailOutcomes) = await UnaccountedMailsAsync(acceptedMails.ToList());
        var poisoned = await PoisonCountAsync();
        await sampling.CancelAsync();
        await sampler;
        clock.Stop();

        var inputs = answers.Count;
        var accepted = acceptedCases.Count + acceptedMails.Count;
        var lost = lostCases.Count + lostMails.Count;
        var fiveHundreds = answers.Count(a => a.Status >= 500);
        var peakMb = Interlocked.Read(ref peak) / (1024 * 1024);
        FaultTable.Write(
            "hostile input", scale, inputs, accepted, lost, doubled: 0, wrongAnswers: wrong.Count,
            figure: string.Create(CultureInfo.InvariantCulture, $"peak working set {peakMb} MB, {fiveHundreds} 5xx, slowest answer {TimeSpan.FromTicks(Interlocked.Read(ref slowestTicks)).TotalSeconds:0.0} s; 4 doors, {Enum.GetValues<HostileDoor>().Length} ways in"));

        Report(answers.ToList(), wrong, acceptedCases.Count, acceptedMails.Count, lostCases, lostMails, mailOutcomes, poisoned, peakMb, sent, clock.Elapsed);

        Assert.Empty(answers.Where(a => a.Status >= 500).Select(Describe));
        Assert.Empty(wrong.Select(Describe));
        Assert.Empty(lostCases.Select(l => $"{l.Post.Describe()} → case {l.CaseNumber} not found"));
        Assert.Empty(lostMails.Select(l => $"{l.Post.Describe()} → mail {l.IdentityHash} not accounted for"));
        Assert.True(Interlocked.Read(ref peak) < MemoryLimitBytes, $"Peak working set {peakMb} MB, over {MemoryLimitBytes / (1024 * 1024)} MB.");
        Assert.Empty(answers.Where(a => a.Post.Unmutated && a.Status is < 200 or >= 300).Select(a => $"{Describe(a)}: the seed is no longer valid input"));
    }

    async Task<Answer> SendAsync(HostilePost post, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, post.Path)
        {
            Content = post.Chunked ? new ChunkedContent(post.Body) : new ByteArrayContent(post.Body),
        };
        if (post.ContentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", post.ContentType);
        }

        if (post.WantsHtml)
        {
            request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml");
        }

        if (post.IdempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", post.IdempotencyKey);
        }

        var client = post.Door == HostileDoor.Staff ? runner.StaffHttp : runner.Http;

        // A door that does not answer in time is a wrong answer too (a post that makes it spin, say).
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(AnswerWithin);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, patience.Token);
            var body = await response.Content.ReadAsStringAsync(patience.Token);
            var took = System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks;
            long seen;
            while (took > (seen = Interlocked.Read(ref slowestTicks)) && Interlocked.CompareExchange(ref slowestTicks, took, seen) != seen)
            {
            }

            return new Answer(post, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, null);
        }
        catch (HttpRequestException e)
        {
            return new Answer(post, 0, null, string.Empty, e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Answer(post, 0, null, string.Empty, $"no answer within {AnswerWithin.TotalSeconds} s");
        }
    }

    /// <summary>Why an answer is wrong, or null when it is one the door may give.</summary>
    static string? Wrong(Answer a)
    {
        if (a.TransportError is { } error)
        {
            return $"no answer: {error}";
        }

        if (a.Status >= 500)
        {
            return $"{a.Status}";
        }

        if (a.Body.Contains("   at ", StringComparison.Ordinal) || a.Body.Contains("Exception", StringComparison.Ordinal))
        {
            return $"{a.Status} shows a stack trace or an exception";
        }

        if (a.Post.OverLimit)
        {
            return a.Status == StatusCodes.Status413PayloadTooLarge ? null : $"{a.Status} for a post over the limit (413 expected)";
        }

        if (a.Status is >= 400 and < 500)
        {
            return a.Body.Length == 0 || a.MediaType is "application/problem+json" or "text/html" ? null : $"{a.Status} as {a.MediaType ?? "(no type)"}";
        }

        if (a.Status is >= 200 and < 300)
        {
            if (a.Post.IsMail)
            {
                return a.Status == StatusCodes.Status200OK ? null : $"{a.Status} from the mail door (200 expected)";
            }

            return CaseNumberIn(a) is null ? $"{a.Status} without a case number" : null;
        }

        return $"{a.Status} is no answer this door gives";
    }

    static class StatusCodes
    {
        public const int Status200OK = 200;
        public const int Status202Accepted = 202;
        public const int Status413PayloadTooLarge = 413;
    }

    /// <summary>The case a web door opened: 202 with JSON, or the receipt page a browser gets.</summary>
    static string? CaseNumberIn(Answer a)
    {
        if (a.Status == StatusCodes.Status202Accepted && a.MediaType?.EndsWith("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                using var json = JsonDocument.Parse(a.Body);
                return json.RootElement.TryGetProperty("caseNumber", out var number) && number.GetString() is { } value && CaseNumbers().IsMatch(value) ? value : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        if (a.Status == StatusCodes.Status200OK && a.MediaType == "text/html" && ReceiptCaseNumber().Match(a.Body) is { Success: true } receipt)
        {
            return receipt.Groups[1].Value;
        }

        return null;
    }

    async Task<List<(HostilePost Post, string CaseNumber)>> UnaccountedCasesAsync(List<(HostilePost Post, string CaseNumber)> accepted)
    {
        var lost = new List<(HostilePost Post, string CaseNumber)>();

        // Two inputs that got one case: one of them is not there (every body differs, so no key may join them).
        foreach (var shared in accepted.GroupBy(c => c.CaseNumber).Where(g => g.Count() > 1))
        {
            lost.AddRange(shared.Skip(1));
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var missing = new ConcurrentBag<(HostilePost Post, string CaseNumber)>();
        await Parallel.ForEachAsync(accepted.DistinctBy(c => c.CaseNumber), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, ct) =>
        {
            while (!await CaseVisibleAsync(c.CaseNumber))
            {
                if (DateTime.UtcNow > deadline)
                {
                    missing.Add(c);
                    return;
                }

                await Task.Delay(250, ct);
            }
        });
        lost.AddRange(missing);
        return lost;
    }

    /// <summary>
    /// Waits for every accepted mail's outcome in the ledger of handled mail (keyed by the identity the
    /// door named its stored copy by), then finds it where staff look: its case, or the review list.
    /// </summary>
    async Task<(List<(HostilePost Post, string IdentityHash)> Lost, IReadOnlyDictionary<string, int> Outcomes)> UnaccountedMailsAsync(List<(HostilePost Post, string IdentityHash)> accepted)
    {
        var ledger = runner.Services.GetRequiredService<InboundMailLedger>();
        var outcomes = new Dictionary<string, InboundMailRecord>(StringComparer.Ordinal);
        var waiting = accepted.Select(m => m.IdentityHash).ToHashSet(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow + MailWait;
        while (waiting.Count > 0 && DateTime.UtcNow < deadline)
        {
            var found = new ConcurrentDictionary<string, InboundMailRecord>(StringComparer.Ordinal);
            await Parallel.ForEachAsync(waiting, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (hash, ct) =>
            {
                if (await ledger.FindAsync(hash, ct) is { } record)
                {
                    found[hash] = record;
                }
            });
            foreach (var (hash, record) in found)
            {
                outcomes[hash] = record;
                waiting.Remove(hash);
            }

            if (waiting.Count > 0)
            {
                await Task.Delay(500);
            }
        }

        var review = await runner.StaffHttp.GetFromJsonAsync<JsonElement>("/api/staff/inbox/review");
        var reviewed = review.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("identityHash").GetString()).ToHashSet(StringComparer.Ordinal);
        var cases = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(outcomes.Values.Select(r => r.CaseNumber).OfType<string>().Distinct(), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (caseNumber, _) =>
            cases[caseNumber] = await CaseVisibleAsync(caseNumber));
        var lost = new List<(HostilePost Post, string IdentityHash)>();
        foreach (var (post, hash) in accepted)
        {
            var found = outcomes.TryGetValue(hash, out var record) && (record.CaseNumber is { } caseNumber
                ? cases.GetValueOrDefault(caseNumber)
                : reviewed.Contains(hash));
            if (!found)
            {
                lost.Add((post, hash));
            }
        }

        return (lost, outcomes.Values.GroupBy(r => r.CaseNumber is null ? r.Outcome : r.Outcome + " (on a case)").ToDictionary(g => g.Key, g => g.Count()));
    }

    async Task<bool> CaseVisibleAsync(string caseNumber)
    {
        using var response = await runner.StaffHttp.GetAsync(new Uri($"/api/staff/complaints/{caseNumber}", UriKind.Relative));
        return response.StatusCode == HttpStatusCode.OK;
    }

    async Task<int> PoisonCountAsync()
    {
        var poison = new QueueClient(azurite.ConnectionString, "complaint-inbox-poison");
        if (!await poison.ExistsAsync())
        {
            return 0;
        }

        return (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount;
    }

    void Report(
        List<Answer> answers,
        List<Answer> wrong,
        int acceptedCases,
        int acceptedMails,
        List<(HostilePost Post, string CaseNumber)> lostCases,
        List<(HostilePost Post, string IdentityHash)> lostMails,
        IReadOnlyDictionary<string, int> mailOutcomes,
        int poisoned,
        long peakMb,
        TimeSpan sent,
        TimeSpan total)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{answers.Count} inputs sent in {sent.TotalSeconds:F1} s; accounted for in {total.TotalSeconds:F1} s in all");
        text.AppendLine("| door | inputs | accepted | answers |");
        text.AppendLine("| --- | --- | --- | --- |");
        foreach (var door in answers.GroupBy(a => a.Post.Door).OrderBy(g => g.Key))
        {
            var statuses = string.Join(", ", door.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "none" : g.Key.ToString(CultureInfo.InvariantCulture))}×{g.Count()}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {door.Key} | {door.Count()} | {door.Count(a => a.Status is >= 200 and < 300)} | {statuses} |");
        }

        text.AppendLine("most frequent refusals:");
        foreach (var reason in answers.Where(a => a.Status is >= 400 and < 500).GroupBy(a => $"{a.Post.Door} {a.Status} {TitleOf(a)}").OrderByDescending(g => g.Count()).Take(12))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {reason.Count()}× {reason.Key}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"accepted: {acceptedCases} complaints, {acceptedMails} mails; lost: {lostCases.Count + lostMails.Count}; wrong answers: {wrong.Count}; 5xx: {answers.Count(a => a.Status >= 500)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"mails as the pipeline took them (by identity): {string.Join(", ", mailOutcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} ×{o.Value}"))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"peak working set {peakMb} MB (limit {MemoryLimitBytes / (1024 * 1024)} MB); poison queue: {poisoned}");
        foreach (var a in wrong.Take(20))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"WRONG {Describe(a)}");
        }

        foreach (var (post, hash) in lostMails.Take(20))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"LOST mail {hash}: {post.Describe()}");
        }

        foreach (var (post, caseNumber) in lostCases.Take(20))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"LOST case {caseNumber}: {post.Describe()}");
        }

        if (wrong.Count + lostCases.Count + lostMails.Count > 0)
        {
            foreach (var line in logs.Lines.Where(l => l.Level >= LogLevel.Error).DistinctBy(l => l.Message).Take(10))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"log: {line.Message}\n{line.Exception?.Split('\n').Take(8).Aggregate((x, y) => x + "\n" + y)}");
            }
        }

        // FAULT_VERBOSE=1 lists every answer, to see what the mutations reach.
        if (Environment.GetEnvironmentVariable("FAULT_VERBOSE") == "1")
        {
            foreach (var a in answers.OrderBy(a => a.Post.Number))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{a.Post.Describe()} → {a.Status}: {a.Snippet.ReplaceLineEndings(" ")}");
            }
        }

        output.WriteLine(text.ToString());
    }

    static string TitleOf(Answer a)
    {
        if (a.MediaType == "text/html")
        {
            return "(a page)";
        }

        try
        {
            using var json = JsonDocument.Parse(a.Body);
            return json.RootElement.TryGetProperty("title", out var title) ? title.GetString() ?? string.Empty : "(no title)";
        }
        catch (JsonException)
        {
            return "(no problem)";
        }
    }

    static string Describe(Answer a) => $"{a.Post.Describe()} → {Wrong(a) ?? a.Status.ToString(CultureInfo.InvariantCulture)}: {a.Snippet}";

    [GeneratedRegex(@"^K-\d{4}-\d{4}-\d{3}$")]
    private static partial Regex CaseNumbers();

    [GeneratedRegex(@"id=""case-number"">(K-\d{4}-\d{4}-\d{3})<")]
    private static partial Regex ReceiptCaseNumber();

    /// <summary>A body sent without a Content-Length, chunked, as a client streaming a post does.</summary>
    sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        // With the request's token, so a door that stops reading does not hold the post forever.
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            for (var at = 0; at < bytes.Length; at += 64 * 1024)
            {
                await stream.WriteAsync(bytes.AsMemory(at, Math.Min(64 * 1024, bytes.Length - at)), cancellationToken);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
