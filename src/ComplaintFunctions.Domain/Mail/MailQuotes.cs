using System.Text.RegularExpressions;

namespace ComplaintFunctions.Domain.Mail;

/// <summary>
/// Tells what a sender wrote this time from the earlier mail their client quoted below it:
/// Outlook's "-----Original Message-----" or "From:/Fra:/Från:" blocks, Gmail's and Apple's
/// "On ... wrote:" lines in the five languages, and trailing "&gt;" quotes. Forwarded mail is
/// kept whole, since what was forwarded is what the customer wants us to read.
/// </summary>
public static partial class MailQuotes
{
    /// <summary>The text above the first quote of earlier mail, trimmed; the whole text when nothing is quoted.</summary>
    public static string NewText(string? text, string? subject = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var lines = SplitLines(text);
        var forward = IsForwardSubject(subject);
        var cut = FindCut(lines, forward);
        if (cut is null)
        {
            return string.Join('\n', lines).Trim();
        }

        var end = cut.Value;
        while (end > 0 && IsBlankOrRule(lines[end - 1]))
        {
            end--;
        }

        var above = string.Join('\n', lines[..end]).Trim();
        if (above.Length > 0)
        {
            return above;
        }

        // Bottom-posted reply: the quote comes first and the answer below it.
        return string.Join('\n', lines.Where(l => !l.TrimStart().StartsWith('>') && !Attribution().IsMatch(l))).Trim();
    }

    /// <summary>Whether the subject says the mail forwards another (Fwd:, FW:, VB:, VL:, WG:, TR:).</summary>
    public static bool IsForwardSubject(string? subject) =>
        subject is not null && ForwardSubject().IsMatch(subject);

    internal static string[] SplitLines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');

    static int? FindCut(string[] lines, bool forward)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (ForwardMarker().IsMatch(line))
            {
                return null;
            }

            if (OriginalMessageRule().IsMatch(line))
            {
                return forward ? null : i;
            }

            if (IsHeaderBlockStart(lines, i))
            {
                return forward ? null : i;
            }

            if (IsAttribution(lines, i))
            {
                return i > 0 && AttributionOpener().IsMatch(lines[i - 1]) && !AttributionOpener().IsMatch(line) ? i - 1 : i;
            }

            if (line.TrimStart().StartsWith('>') && RestIsQuoted(lines, i))
            {
                return i;
            }
        }

        return null;
    }

    // "From: x" followed within a few lines by "Sent:", "To:" or "Subject:" in any of our languages.
    static bool IsHeaderBlockStart(string[] lines, int i)
    {
        if (!HeaderFrom().IsMatch(lines[i]))
        {
            return false;
        }

        for (var j = i + 1; j < Math.Min(lines.Length, i + 5); j++)
        {
            if (HeaderOther().IsMatch(lines[j]))
            {
                return true;
            }
        }

        return false;
    }

    static bool IsAttribution(string[] lines, int i)
    {
        var line = lines[i];
        if (!Attribution().IsMatch(line))
        {
            return false;
        }

        // "Jeg skrev til dere 3. mars:" in the customer's own words is not an attribution: a real
        // one names the earlier sender's address, or quoted lines follow it.
        if (line.Contains('@', StringComparison.Ordinal))
        {
            return true;
        }

        return lines.Skip(i + 1).Where(l => !string.IsNullOrWhiteSpace(l)).Take(1).Any(l => l.TrimStart().StartsWith('>'));
    }

    static bool RestIsQuoted(string[] lines, int i) =>
        lines.Skip(i).All(l => string.IsNullOrWhiteSpace(l) || l.TrimStart().StartsWith('>'));

    static bool IsBlankOrRule(string line) =>
        string.IsNullOrWhiteSpace(line) || line.Trim().All(c => c is '_' or '-' or '=' or '*');

    [GeneratedRegex(@"^\s*-{2,}\s*(original message|opprinnelig melding|originalmelding|ursprungligt meddelande|oprindelig meddelelse|alkuperäinen viesti|ursprüngliche nachricht)\s*-{2,}\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalMessageRule();

    [GeneratedRegex(@"^\s*(-{2,}\s*)?(forwarded message|videresendt (melding|meddelelse|besked|e-post)|vidarebefordrat (meddelande|mejl|e-postmeddelande)|välitetty viesti|begin forwarded message|start på videresendt (melding|besked|meddelelse)|början på vidarebefordrat meddelande)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForwardMarker();

    [GeneratedRegex(@"^\s*((fwd?|vb|vl|wg|tr|videresend|vidarebefordra)\s*:\s*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForwardSubject();

    [GeneratedRegex(@"^\s*\*?(from|fra|från|lähettäjä|von)\s*:\*?\s*\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderFrom();

    [GeneratedRegex(@"^\s*\*?(sent|sendt|skickat|lähetetty|date|dato|datum|päivämäärä|gesendet|to|til|till|vastaanottaja|an|subject|emne|ämne|aihe|betreff)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderOther();

    // "... wrote:", "... kirjoitti:", and the Scandinavian "... skrev Name <address>:" or "... skrev følgende:".
    [GeneratedRegex(@"(\b(wrote|kirjoitti|schrieb)\s*:|\bskrev\b.*:)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^\s*(on|den|på|am|le)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AttributionOpener();
}
