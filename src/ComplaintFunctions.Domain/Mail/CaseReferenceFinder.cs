using System.Text.RegularExpressions;
using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Domain.Mail;

/// <summary>How a mail was found to belong to a case, strongest first.</summary>
public enum CaseReferenceRule
{
    /// <summary>In-Reply-To or References names one of our Message-IDs and its signature verifies.</summary>
    SignedMessageId,
    /// <summary>The subject carries the case number and the sender is the case's customer.</summary>
    SubjectToken,
    /// <summary>The (quoted) body carries the case number and the sender is the case's customer.</summary>
    BodyToken,
    /// <summary>A person in customer service attached a mail from the review list to the case.</summary>
    StaffAttached,
}

public static class CaseReferenceRuleNames
{
    public static string ToWire(this CaseReferenceRule rule) => rule switch
    {
        CaseReferenceRule.SignedMessageId => "message-id",
        CaseReferenceRule.SubjectToken => "subject-token",
        CaseReferenceRule.BodyToken => "body-token",
        CaseReferenceRule.StaffAttached => "attached by staff",
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };
}

/// <summary>A case a mail may belong to, with what pointed at it (a Message-ID or the token as written).</summary>
public sealed record CaseReferenceCandidate(CaseNumber CaseNumber, CaseReferenceRule Rule, string Evidence)
{
    /// <summary>Tokens anyone can type count only when the sender is the case's own customer.</summary>
    public bool RequiresCustomerSender => Rule != CaseReferenceRule.SignedMessageId;
}

/// <summary>Something that looked like a case reference and did not count, and why (for the case history and staff).</summary>
public sealed record RefusedCaseReference(string Evidence, CaseReferenceRule Rule, CaseNumber? CaseNumber, string Reason);

/// <summary>The case the mail belongs to (or none), and what was refused on the way.</summary>
public sealed record CaseReferenceResult(CaseReferenceCandidate? Match, IReadOnlyList<RefusedCaseReference> Refused)
{
    public bool Found => Match is not null;

    public CaseNumber? CaseNumber => Match?.CaseNumber;

    public CaseReferenceRule? Rule => Match?.Rule;
}

/// <summary>
/// Finds the case a mail answers. In order: (a) our own signed Message-ID in In-Reply-To or
/// References; (b) the case number in the subject; (c) the case number in the body, quoted
/// earlier mail included, for relays that rewrite Message-IDs. A signed Message-ID is proof
/// on its own; a case number in subject or body is only a claim anyone can type, so it counts
/// only when the mail comes from the case's own customer address. Case numbers carry a Damm
/// check digit, so a random number almost never passes as one.
/// </summary>
/// <param name="verifyMessageIdLocalPart">
/// Whether the part left of the <c>@</c> of a Message-ID in our shape carries a valid signature
/// (the app passes its LinkSigner check for purpose <c>message-id</c>).
/// </param>
/// <param name="ourMessageIdDomain">When set, Message-IDs with another right-hand side are not ours.</param>
public sealed partial class CaseReferenceFinder(Func<string, bool> verifyMessageIdLocalPart, string? ourMessageIdDomain = null)
{
    const int MaxBodyTokens = 20;

    readonly Func<string, bool> verify = verifyMessageIdLocalPart ?? throw new ArgumentNullException(nameof(verifyMessageIdLocalPart));

    /// <summary>
    /// Every candidate in the order the rules rank them, before any sender check; refusals that need
    /// no lookup (forged signature, wrong check digit) go to <paramref name="refused"/>.
    /// </summary>
    public IReadOnlyList<CaseReferenceCandidate> Candidates(InboundMail mail, ICollection<RefusedCaseReference>? refused = null)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var candidates = new List<CaseReferenceCandidate>();
        refused ??= [];

        foreach (var id in ReplyIds(mail))
        {
            if (!OurMessageId.TryParse(id, out var ours))
            {
                continue;
            }

            if (ourMessageIdDomain is not null && !ours.Domain.Equals(ourMessageIdDomain, StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(new RefusedCaseReference(id, CaseReferenceRule.SignedMessageId, ours.CaseNumber, $"the Message-ID is not from our domain {ourMessageIdDomain}"));
                continue;
            }

            if (!verify(ours.LocalPart))
            {
                refused.Add(new RefusedCaseReference(id, CaseReferenceRule.SignedMessageId, ours.CaseNumber, "the Message-ID's signature does not verify"));
                continue;
            }

            Add(new CaseReferenceCandidate(ours.CaseNumber, CaseReferenceRule.SignedMessageId, id));
        }

        foreach (var (caseNumber, token) in Tokens(mail.Subject, refused, CaseReferenceRule.SubjectToken))
        {
            Add(new CaseReferenceCandidate(caseNumber, CaseReferenceRule.SubjectToken, token));
        }

        var bodyTokens = Tokens(mail.TextWithQuotes, refused, CaseReferenceRule.BodyToken)
            .Concat(Tokens(mail.HtmlText, refused, CaseReferenceRule.BodyToken))
            .Take(MaxBodyTokens);
        foreach (var (caseNumber, token) in bodyTokens)
        {
            Add(new CaseReferenceCandidate(caseNumber, CaseReferenceRule.BodyToken, token));
        }

        return candidates;

        // A case already found by a stronger rule is not tried again by a weaker one.
        void Add(CaseReferenceCandidate candidate)
        {
            if (!candidates.Any(c => c.CaseNumber == candidate.CaseNumber))
            {
                candidates.Add(candidate);
            }
        }
    }

    /// <summary>The case the mail belongs to; <paramref name="customerAddressOf"/> gives a case's customer address, or null when there is no such case.</summary>
    public CaseReferenceResult Find(InboundMail mail, Func<CaseNumber, string?> customerAddressOf)
    {
        ArgumentNullException.ThrowIfNull(customerAddressOf);
        return FindAsync(mail, (caseNumber, _) => ValueTask.FromResult(customerAddressOf(caseNumber))).AsTask().GetAwaiter().GetResult();
    }

    /// <summary>As <see cref="Find"/>, for a customer lookup that goes to storage.</summary>
    public async ValueTask<CaseReferenceResult> FindAsync(
        InboundMail mail,
        Func<CaseNumber, CancellationToken, ValueTask<string?>> customerAddressOf,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(customerAddressOf);
        var refused = new List<RefusedCaseReference>();
        foreach (var candidate in Candidates(mail, refused))
        {
            if (!candidate.RequiresCustomerSender)
            {
                return new CaseReferenceResult(candidate, refused);
            }

            var customer = await customerAddressOf(candidate.CaseNumber, cancellationToken).ConfigureAwait(false);
            if (customer is null)
            {
                refused.Add(new RefusedCaseReference(candidate.Evidence, candidate.Rule, candidate.CaseNumber, "there is no such case"));
            }
            else if (!InboundAddress.SameAddress(customer, mail.From.Address))
            {
                refused.Add(new RefusedCaseReference(candidate.Evidence, candidate.Rule, candidate.CaseNumber, $"the sender {mail.From.Address} is not the case's customer"));
            }
            else
            {
                return new CaseReferenceResult(candidate, refused);
            }
        }

        return new CaseReferenceResult(null, refused);
    }

    /// <summary>Every case number written in the text, in order, each once (tolerant of case, spaces and dashes; the K is required).</summary>
    public static IReadOnlyList<CaseNumber> CaseNumbersIn(string? text) =>
        [.. Tokens(text, null, CaseReferenceRule.BodyToken).Select(t => t.CaseNumber)];

    // In-Reply-To first, then References newest first: the mail answered is the likeliest case.
    static IEnumerable<string> ReplyIds(InboundMail mail)
    {
        var ids = new List<string>();
        if (!string.IsNullOrWhiteSpace(mail.InReplyTo))
        {
            ids.Add(mail.InReplyTo.Trim());
        }

        ids.AddRange(Enumerable.Reverse(mail.References).Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()));
        return ids.Distinct(StringComparer.Ordinal);
    }

    static List<(CaseNumber CaseNumber, string Token)> Tokens(string? text, ICollection<RefusedCaseReference>? refused, CaseReferenceRule rule)
    {
        var found = new List<(CaseNumber, string)>();
        if (string.IsNullOrEmpty(text))
        {
            return found;
        }

        foreach (Match m in Token().Matches(text))
        {
            var digits = m.Groups[1].Value + m.Groups[2].Value + m.Groups[3].Value;
            if (!CaseNumber.TryParse(digits, out var caseNumber))
            {
                refused?.Add(new RefusedCaseReference(m.Value, rule, null, "not a case number (the check digit does not match)"));
                continue;
            }

            if (!found.Any(f => f.Item1 == caseNumber))
            {
                found.Add((caseNumber, m.Value));
            }
        }

        return found;
    }

    // K-1234-5678-901, [K-1234-5678-901], k 1234 5678 901, K12345678901: dashes (also en and em
    // dashes) and spaces optional between groups, not across lines, not inside a longer word or number.
    [GeneratedRegex(@"(?<![\p{L}\p{N}])[Kk][ \t\u00A0]*[-\u2013\u2014]?[ \t\u00A0]*([0-9]{4})[ \t\u00A0]*[-\u2013\u2014]?[ \t\u00A0]*([0-9]{4})[ \t\u00A0]*[-\u2013\u2014]?[ \t\u00A0]*([0-9]{3})(?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
