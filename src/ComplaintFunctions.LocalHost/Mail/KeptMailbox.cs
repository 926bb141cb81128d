using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ComplaintFunctions.LocalHost.Mail;

/// <summary>A mail the SendGrid stand-in took instead of sending.</summary>
public sealed record KeptMail(
    string Id,
    DateTimeOffset Time,
    IReadOnlyList<string> To,
    string From,
    string Subject,
    string? Text,
    string? Html,
    IReadOnlyDictionary<string, string> Headers,
    IReadOnlyDictionary<string, string> CustomArgs,
    string? FromName = null);

/// <summary>
/// Keeps the mails the app "sends", in memory and, when a folder is given, in a JSON-lines file
/// so they survive a restart of the runner.
/// </summary>
public sealed class KeptMailbox
{
    readonly ConcurrentQueue<KeptMail> mails = new();
    readonly string? file;
    readonly Lock writeLock = new();

    public KeptMailbox(string? folder)
    {
        if (folder is null)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        file = Path.Combine(folder, "mail.jsonl");
        if (File.Exists(file))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                if (JsonSerializer.Deserialize<KeptMail>(line, JsonSerializerOptions.Web) is { } mail)
                {
                    mails.Enqueue(mail);
                }
            }
        }
    }

    /// <summary>In <see cref="FailNext"/>: break the connection without an answer (the mail is not taken).</summary>
    public const int Drop = -1;

    /// <summary>In <see cref="FailNext"/>: take the mail, after four seconds.</summary>
    public const int Slow = -2;

    /// <summary>Status codes to answer instead of 202 for the next sends (or <see cref="Drop"/>, <see cref="Slow"/>), for tests of SendGrid failures.</summary>
    public ConcurrentQueue<int> FailNext { get; } = new();

    public IReadOnlyList<KeptMail> NewestFirst() => mails.Reverse().ToList();

    /// <summary>The mails kept after the first <paramref name="count"/>, oldest first: a poller that keeps count reads only what is new.</summary>
    public IReadOnlyList<KeptMail> After(int count) => mails.Skip(Math.Max(0, count)).ToList();

    public void Keep(KeptMail mail)
    {
        mails.Enqueue(mail);
        if (file is not null)
        {
            lock (writeLock)
            {
                File.AppendAllText(file, JsonSerializer.Serialize(mail, JsonSerializerOptions.Web) + "\n");
            }
        }
    }

    /// <summary>Reads SendGrid's v3 mail/send body: one kept mail per personalization.</summary>
    public static IEnumerable<KeptMail> FromSendGridRequest(JsonNode body, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(body);
        var from = body["from"]?["email"]?.GetValue<string>() ?? string.Empty;
        var fromName = body["from"]?["name"]?.GetValue<string>();
        var subject = body["subject"]?.GetValue<string>() ?? string.Empty;
        string? text = null, html = null;
        foreach (var content in body["content"]?.AsArray() ?? [])
        {
            var type = content?["type"]?.GetValue<string>();
            var value = content?["value"]?.GetValue<string>();
            if (type == "text/plain")
            {
                text = value;
            }
            else if (type == "text/html")
            {
                html = value;
            }
        }

        var headers = ReadMap(body["headers"]);
        var customArgs = ReadMap(body["custom_args"]);
        foreach (var personalization in body["personalizations"]?.AsArray() ?? [])
        {
            var to = personalization?["to"]?.AsArray().Select(t => t?["email"]?.GetValue<string>() ?? string.Empty).ToList() ?? [];
            var personalSubject = personalization?["subject"]?.GetValue<string>() ?? subject;
            var merged = new Dictionary<string, string>(headers);
            foreach (var (k, v) in ReadMap(personalization?["headers"]))
            {
                merged[k] = v;
            }

            yield return new KeptMail(Guid.NewGuid().ToString("N"), now, to, from, personalSubject, text, html, merged, customArgs, fromName);
        }
    }

    static Dictionary<string, string> ReadMap(JsonNode? node) =>
        node is JsonObject o ? o.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? string.Empty) : [];
}
