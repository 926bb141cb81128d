using System.Text.Json;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Mail;
using ComplaintFunctions.Inbound;
using ComplaintFunctions.Links;
using ComplaintFunctions.Notifications;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Mail.Tests.Support;

public sealed record ExpectedAttachment(string FileName, string ContentType, string? StartsWith);

public sealed record ExpectedCase(string CaseNumber, string Customer, string Language);

public sealed record ExpectedMail
{
    public required string File { get; init; }
    public required string Outcome { get; init; }
    public string? Case { get; init; }
    public string? Rule { get; init; }
    public IReadOnlyList<string> Refused { get; init; } = [];
    public IReadOnlyList<string> Noise { get; init; } = [];
    public string? From { get; init; }
    public string? FromName { get; init; }
    public string? Subject { get; init; }
    public string? ReturnPath { get; init; }
    public bool HasMessageId { get; init; } = true;
    public IReadOnlyList<string> TextContains { get; init; } = [];
    public IReadOnlyList<string> TextExcludes { get; init; } = [];
    public IReadOnlyList<string> QuotedTextContains { get; init; } = [];
    public IReadOnlyList<ExpectedAttachment>? Attachments { get; init; }
    public string? Category { get; init; }
    public bool ParseFails { get; init; }
    public string? FailureContains { get; init; }

    public override string ToString() => File;
}

public sealed record CorpusExpectations(string SigningKey, string MessageIdDomain, IReadOnlyList<ExpectedCase> Cases, IReadOnlyList<ExpectedMail> Mails);

/// <summary>The corpus files, what expected.json says about them, and the signer and case list it assumes.</summary>
public static class Corpus
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static CorpusExpectations Expectations { get; } =
        JsonSerializer.Deserialize<CorpusExpectations>(File.ReadAllBytes(Path.Combine(Folder, "expected.json")), Json)
        ?? throw new InvalidOperationException("expected.json is empty.");

    public static TheoryData<string> Files => [.. Expectations.Mails.Select(m => m.File)];

    public static TheoryData<string> ReadableFiles => [.. Expectations.Mails.Where(m => !m.ParseFails).Select(m => m.File)];

    public static ExpectedMail Expected(string file) => Expectations.Mails.Single(m => m.File == file);

    public static byte[] Read(string file) => File.ReadAllBytes(Path.Combine(Folder, file));

    public static InboundMail Parse(string file)
    {
        var result = InboundMailParser.ParseRaw(Read(file));
        Assert.True(result.Succeeded, $"{file}: {result.Failure}");
        return result.Mail;
    }

    public static LinkSigner Signer { get; } = NewSigner(Expectations.SigningKey);

    public static CaseReferenceFinder Finder { get; } = SignedMessageIds.Finder(Signer, Expectations.MessageIdDomain);

    /// <summary>The case list of expected.json, as the storage lookup would answer.</summary>
    public static string? CustomerOf(CaseNumber caseNumber) =>
        Expectations.Cases.FirstOrDefault(c => c.CaseNumber == caseNumber.Value)?.Customer;

    public static LinkSigner NewSigner(string key, string? previousKey = null, DateTimeOffset? previousValidUntil = null, TimeProvider? time = null) =>
        new(Options.Create(new LinkSigningOptions { SigningKey = key, PreviousSigningKey = previousKey, PreviousKeyValidUntil = previousValidUntil }), time ?? TimeProvider.System);

    /// <summary>The Message-ID the app's MailSender gives a mail (only its signer and options are used for that).</summary>
    public static string MessageIdFor(string mailId, CaseNumber caseNumber, LinkSigner? signer = null)
    {
        var sender = new MailSender(null!, null!, signer ?? Signer, Options.Create(new MailOptions { MessageIdDomain = Expectations.MessageIdDomain }), TimeProvider.System, NullLogger<MailSender>.Instance);
        return sender.MessageIdFor(new OutgoingMail(mailId, caseNumber, "someone@example.no", null, "Subject", new MailBody()));
    }

    /// <summary>What the intake pipeline does with a raw mail: parse, classify noise, find the case, decide.</summary>
    public static (InboundMailParseResult Parsed, MailIntakeDecision Decision) Run(byte[] raw)
    {
        var parsed = InboundMailParser.ParseRaw(raw);
        if (!parsed.Succeeded)
        {
            return (parsed, MailTriage.Unreadable(parsed.Failure));
        }

        var noise = MailNoise.Classify(parsed.Mail);
        var reference = Finder.Find(parsed.Mail, CustomerOf);
        return (parsed, MailTriage.Decide(noise, reference));
    }
}
