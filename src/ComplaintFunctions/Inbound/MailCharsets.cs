using System.Text;

namespace ComplaintFunctions.Inbound;

/// <summary>
/// Turns mail bytes into text by the charset the mail (or SendGrid's <c>charsets</c> field)
/// names. ISO-8859-1 and US-ASCII are read as Windows-1252, its superset, as browsers do,
/// because mail clients often label Windows-1252 text that way; text labelled UTF-8 (or not
/// labelled) that is not valid UTF-8 is read as Windows-1252, the likeliest charset in the
/// Nordics, so æøå äö survive either way.
/// </summary>
public static class MailCharsets
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        EnsureRegistered();
        return Encoding.GetEncoding(1252);
    });

    /// <summary>Makes the Windows code pages (1252 and others) available to <see cref="Encoding.GetEncoding(string)"/>.</summary>
    public static void EnsureRegistered() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes, string? charset) => Decode(bytes, charset, out _);

    /// <param name="bytes">The text's bytes.</param>
    /// <param name="charset">The charset as labelled, or null when not labelled.</param>
    /// <param name="guessed">True when the label was missing, unknown or wrong and the text was read as Windows-1252.</param>
    public static string Decode(ReadOnlySpan<byte> bytes, string? charset, out bool guessed)
    {
        guessed = false;
        var name = charset?.Trim().Trim('"', '\'').Trim().ToLowerInvariant();
        string text;
        switch (name)
        {
            case null or "" or "utf-8" or "utf8" or "us-ascii" or "ascii" or "ansi_x3.4-1968" or "unicode-1-1-utf-8":
                if (!TryUtf8(bytes, out text))
                {
                    // Unlabelled or pure ASCII text with 8-bit bytes is Windows-1252 in practice; a wrong UTF-8 label is a guess.
                    guessed = name is "utf-8" or "utf8" or "unicode-1-1-utf-8" or null or "";
                    text = Windows1252.Value.GetString(bytes);
                }

                break;
            case "iso-8859-1" or "iso8859-1" or "iso_8859-1" or "latin1" or "latin-1" or "l1" or "cp819" or "ibm819"
                or "windows-1252" or "cp1252" or "x-cp1252":
                text = Windows1252.Value.GetString(bytes);
                break;
            default:
                var encoding = Lookup(name);
                if (encoding is null)
                {
                    guessed = true;
                    text = TryUtf8(bytes, out var utf8) ? utf8 : Windows1252.Value.GetString(bytes);
                }
                else
                {
                    text = encoding.GetString(bytes);
                }

                break;
        }

        return text.TrimStart('\uFEFF');
    }

    /// <summary>The encoding for a charset name, or null when .NET does not know it.</summary>
    public static Encoding? Lookup(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        EnsureRegistered();
        try
        {
            return Encoding.GetEncoding(charset.Trim().Trim('"'));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    static bool TryUtf8(ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }
}
