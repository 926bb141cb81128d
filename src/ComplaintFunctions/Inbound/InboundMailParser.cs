using System.Text;
using System.Text.Json;
using ComplaintFunctions.Domain.Mail;
using MimeKit;
using MimeKit.Text;

namespace ComplaintFunctions.Inbound;

/// <summary>
/// Reads incoming mail into an <see cref="InboundMail"/>: a whole MIME message (a file, or
/// SendGrid Inbound Parse in raw mode), or the fields SendGrid Inbound Parse posts in its
/// default mode. It never throws for what a sender can put in a mail: a message it cannot
/// read comes back as a failed result with the reason.
/// </summary>
public static class InboundMailParser
{
    /// <summary>SendGrid accepts mails up to 30 MB; anything much larger is not a customer's mail.</summary>
    public const int MaxMessageBytes = 40 * 1024 * 1024;

    const int MaxAttachments = 100;

    /// <summary>Reads a whole MIME message.</summary>
    public static InboundMailParseResult ParseRaw(byte[] mime)
    {
        ArgumentNullException.ThrowIfNull(mime);
        using var stream = new MemoryStream(mime, writable: false);
        return ParseRaw(stream);
    }

    /// <summary>Reads a whole MIME message from the stream (read to its end, not disposed).</summary>
    public static InboundMailParseResult ParseRaw(Stream mime)
    {
        ArgumentNullException.ThrowIfNull(mime);
        MailCharsets.EnsureRegistered();
        try
        {
            if (mime.CanSeek && mime.Length - mime.Position > MaxMessageBytes)
            {
                return InboundMailParseResult.Failed($"The mail is larger than {MaxMessageBytes / (1024 * 1024)} MB.");
            }

            var message = MimeMessage.Load(ParserOptions.Default, mime);
            return FromMessage(message);
        }
        catch (FormatException e)
        {
            return InboundMailParseResult.Failed($"The mail is not a readable MIME message: {e.Message}");
        }
        catch (Exception e) when (IsReadProblem(e))
        {
            return InboundMailParseResult.Failed($"The mail could not be read: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// Reads what SendGrid Inbound Parse posted. In raw mode (an <c>email</c> field) the MIME
    /// message is read whole. In the default mode each field is decoded in the charset SendGrid's
    /// <c>charsets</c> field names for it; Message-ID, In-Reply-To, References, Return-Path and
    /// the noise headers come from the <c>headers</c> block.
    /// </summary>
    /// <param name="fields">Every form field by name, as the bytes SendGrid sent (not decoded).</param>
    /// <param name="files">The posted files (<c>attachment1</c>...<c>attachmentN</c>).</param>
    public static InboundMailParseResult ParseSendGridFields(IReadOnlyDictionary<string, byte[]> fields, IReadOnlyList<SendGridFile> files)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(files);
        MailCharsets.EnsureRegistered();
        try
        {
            var warnings = new List<string>();
            var envelope = ReadEnvelope(Get(fields, "envelope"), warnings);
            if (Get(fields, "email") is { } raw)
            {
                var result = ParseRaw(raw);
                if (!result.Succeeded || envelope is null)
                {
                    return result;
                }

                var mail = result.Mail with
                {
                    EnvelopeTo = envelope.Value.To,
                    EnvelopeFrom = envelope.Value.From,
                    ReturnPath = result.Mail.ReturnPath ?? envelope.Value.From,
                };
                return InboundMailParseResult.Parsed(mail, result.Warnings);
            }

            return FromSendGridFields(fields, files, envelope, warnings);
        }
        catch (FormatException e)
        {
            return InboundMailParseResult.Failed($"SendGrid's fields could not be read: {e.Message}");
        }
        catch (Exception e) when (IsReadProblem(e))
        {
            return InboundMailParseResult.Failed($"SendGrid's fields could not be read: {e.GetType().Name}: {e.Message}");
        }
    }

    // What a hostile or broken mail can make the parsing code throw; programming errors are not caught.
    static bool IsReadProblem(Exception e) =>
        e is ParseException or IOException or JsonException or DecoderFallbackException or ArgumentException
            or InvalidOperationException or NotSupportedException or OverflowException or IndexOutOfRangeException;

    static InboundMailParseResult FromMessage(MimeMessage message)
    {
        if (message.Headers.Count == 0)
        {
            return InboundMailParseResult.Failed("The mail has no headers.");
        }

        if (FindStructureDefect(message.Body) is { } defect)
        {
            return InboundMailParseResult.Failed(defect);
        }

        var from = FirstMailbox(message.From) ?? (message.Sender is { } sender ? FirstMailbox([sender]) : null);
        if (from is null)
        {
            return InboundMailParseResult.Failed("The mail has no valid From address.");
        }

        var warnings = new List<string>();
        var textPart = FindBodyPart(message, TextFormat.Plain);
        var htmlPart = FindBodyPart(message, TextFormat.Html);
        var html = htmlPart is null ? null : DecodeText(htmlPart, "HTML body", warnings);
        var htmlText = html is null ? null : HtmlText.ToPlainText(html);
        var text = textPart is null ? htmlText ?? string.Empty : DecodeText(textPart, "text body", warnings);

        var attachments = new List<InboundAttachment>();
        foreach (var entity in message.BodyParts)
        {
            if (ReferenceEquals(entity, textPart) || ReferenceEquals(entity, htmlPart))
            {
                continue;
            }

            if (attachments.Count == MaxAttachments)
            {
                warnings.Add($"Only the first {MaxAttachments} attachments were kept.");
                break;
            }

            if (ToAttachment(entity, attachments.Count + 1) is { } attachment)
            {
                attachments.Add(attachment);
            }
        }

        var subject = message.Subject ?? string.Empty;
        var mail = new InboundMail
        {
            MessageId = NullIfEmpty(message.MessageId),
            From = from,
            To = Mailboxes(message.To),
            Cc = Mailboxes(message.Cc),
            ReplyTo = Mailboxes(message.ReplyTo),
            Subject = subject,
            Date = message.Headers.Contains(HeaderId.Date) && message.Date != DateTimeOffset.MinValue ? message.Date : null,
            TextBody = MailQuotes.NewText(text, subject),
            TextWithQuotes = text.Trim(),
            HtmlBody = html,
            HtmlText = htmlText,
            InReplyTo = NullIfEmpty(message.InReplyTo),
            References = [.. message.References],
            ReturnPath = ReturnPath(message.Headers),
            ContentType = (message.Body?.ContentType.MimeType ?? "text/plain").ToLowerInvariant(),
            Headers = Headers(message),
            Attachments = attachments,
            Source = InboundSource.RawMime,
        };
        AddHeaderWarnings(mail, warnings);
        return InboundMailParseResult.Parsed(mail, warnings);
    }

    static InboundMailParseResult FromSendGridFields(
        IReadOnlyDictionary<string, byte[]> fields,
        IReadOnlyList<SendGridFile> files,
        (IReadOnlyList<string> To, string? From)? envelope,
        List<string> warnings)
    {
        var charsets = ReadCharsets(Get(fields, "charsets"), warnings);
        string? Field(string name) => Get(fields, name) is { } bytes ? Decode(bytes, name) : null;
        string Decode(byte[] bytes, string name)
        {
            charsets.TryGetValue(name, out var charset);
            var value = MailCharsets.Decode(bytes, charset, out var guessed);
            if (guessed)
            {
                warnings.Add($"SendGrid's '{name}' field was not in the charset '{charset ?? "(none)"}'; read as Windows-1252.");
            }

            return value;
        }

        // The raw header block, loaded as a message without a body, gives MimeKit's reading of
        // every header (RFC 2047 words, Message-ID lists, address lists).
        var headerBlock = Get(fields, "headers");
        var headers = headerBlock is null ? null : LoadHeaders(headerBlock);
        if (headers is null)
        {
            warnings.Add(headerBlock is null
                ? "SendGrid sent no 'headers' field; Message-ID, In-Reply-To and noise headers are unknown."
                : "SendGrid's 'headers' field could not be read; Message-ID, In-Reply-To and noise headers are unknown.");
        }

        var from = ParseMailbox(Field("from")) ?? (headers is null ? null : FirstMailbox(headers.From));
        if (from is null)
        {
            return InboundMailParseResult.Failed("The mail has no valid From address.", warnings);
        }

        var subject = Field("subject") ?? headers?.Subject ?? string.Empty;
        var html = NullIfEmpty(Field("html"));
        var htmlText = html is null ? null : HtmlText.ToPlainText(html);
        var text = Field("text") is { Length: > 0 } plain ? plain : htmlText ?? string.Empty;

        var headerList = headers?.Headers;
        var mail = new InboundMail
        {
            MessageId = headers is null ? null : NullIfEmpty(headers.MessageId),
            From = from,
            To = ParseMailboxes(Field("to")) is { Count: > 0 } to ? to : Mailboxes(headers?.To),
            Cc = ParseMailboxes(Field("cc")) is { Count: > 0 } cc ? cc : Mailboxes(headers?.Cc),
            ReplyTo = Mailboxes(headers?.ReplyTo),
            Subject = subject,
            Date = headers is not null && headers.Headers.Contains(HeaderId.Date) && headers.Date != DateTimeOffset.MinValue ? headers.Date : null,
            TextBody = MailQuotes.NewText(text, subject),
            TextWithQuotes = text.Trim(),
            HtmlBody = html,
            HtmlText = htmlText,
            InReplyTo = headers is null ? null : NullIfEmpty(headers.InReplyTo),
            References = headers is null ? [] : [.. headers.References],
            ReturnPath = (headerList is null ? null : ReturnPath(headerList)) ?? envelope?.From,
            ContentType = (headers?.Body?.ContentType.MimeType ?? "text/plain").ToLowerInvariant(),
            Headers = headers is null ? MailHeaders.Empty : Headers(headers),
            Attachments = SendGridAttachments(files, Get(fields, "attachment-info"), Field("attachments"), warnings),
            EnvelopeTo = envelope?.To ?? [],
            EnvelopeFrom = envelope?.From,
            Source = InboundSource.SendGridParsed,
        };
        AddHeaderWarnings(mail, warnings);
        return InboundMailParseResult.Parsed(mail, warnings);
    }

    // Null when the block is not headers at all: the fields still carry the mail, so it is not lost.
    static MimeMessage? LoadHeaders(byte[] block)
    {
        using var stream = new MemoryStream(block.Length + 4);
        stream.Write(block);
        stream.Write("\r\n\r\n"u8);
        stream.Position = 0;
        try
        {
            return MimeMessage.Load(ParserOptions.Default, stream);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    static List<InboundAttachment> SendGridAttachments(IReadOnlyList<SendGridFile> files, byte[]? infoJson, string? countField, List<string> warnings)
    {
        var info = new Dictionary<string, (string? FileName, string? Type, string? ContentId)>(StringComparer.OrdinalIgnoreCase);
        if (infoJson is { Length: > 0 })
        {
            try
            {
                using var json = JsonDocument.Parse(infoJson);
                if (json.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var entry in json.RootElement.EnumerateObject().Where(e => e.Value.ValueKind == JsonValueKind.Object))
                    {
                        info[entry.Name] = (String(entry.Value, "filename") ?? String(entry.Value, "name"), String(entry.Value, "type"), String(entry.Value, "content-id"));
                    }
                }
            }
            catch (JsonException)
            {
                warnings.Add("SendGrid's 'attachment-info' field is not JSON; file names come from the upload.");
            }
        }

        if (int.TryParse(countField, out var count) && count != files.Count)
        {
            warnings.Add($"SendGrid announced {count} attachments but posted {files.Count}.");
        }

        var attachments = new List<InboundAttachment>();
        foreach (var file in files.Take(MaxAttachments))
        {
            info.TryGetValue(file.Name, out var meta);
            var contentType = MediaType(meta.Type) ?? MediaType(file.ContentType) ?? "application/octet-stream";
            var name = SafeFileName(NullIfEmpty(meta.FileName) ?? file.FileName, contentType, attachments.Count + 1);
            var contentId = NullIfEmpty(meta.ContentId)?.Trim('<', '>');
            attachments.Add(new InboundAttachment(name, contentType.ToLowerInvariant(), file.Content ?? [], contentId, isInline: contentId is not null));
        }

        return attachments;

        // The sender's words for the type, as a bare type/subtype (it becomes the stored blob's content type):
        // a line break, a parameter or no type at all in it is not passed on.
        static string? MediaType(string? value) =>
            !string.IsNullOrWhiteSpace(value) && ContentType.TryParse(ParserOptions.Default, value, out var parsed) ? parsed.MimeType : null;

        static string? String(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    static Dictionary<string, string> ReadCharsets(byte[]? json, List<string> warnings)
    {
        var charsets = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (json is not { Length: > 0 })
        {
            warnings.Add("SendGrid sent no 'charsets' field; fields were read as UTF-8 where valid, else Windows-1252.");
            return charsets;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in document.RootElement.EnumerateObject())
                {
                    if (entry.Value.ValueKind == JsonValueKind.String && entry.Value.GetString() is { Length: > 0 } charset)
                    {
                        charsets[entry.Name] = charset;
                    }
                }
            }
        }
        catch (JsonException)
        {
            warnings.Add("SendGrid's 'charsets' field is not JSON; fields were read as UTF-8 where valid, else Windows-1252.");
        }

        return charsets;
    }

    static (IReadOnlyList<string> To, string? From)? ReadEnvelope(byte[]? json, List<string> warnings)
    {
        if (json is not { Length: > 0 })
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var to = new List<string>();
            if (root.TryGetProperty("to", out var toElement))
            {
                if (toElement.ValueKind == JsonValueKind.Array)
                {
                    to.AddRange(toElement.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!));
                }
                else if (toElement.ValueKind == JsonValueKind.String)
                {
                    to.Add(toElement.GetString()!);
                }
            }

            // A bounce's envelope sender is empty (SMTP MAIL FROM:<>).
            var from = root.TryGetProperty("from", out var fromElement) && fromElement.ValueKind == JsonValueKind.String
                ? fromElement.GetString()!.Trim().Trim('<', '>')
                : string.Empty;
            return (to, from);
        }
        catch (JsonException)
        {
            warnings.Add("SendGrid's 'envelope' field is not JSON.");
            return null;
        }
    }

    static byte[]? Get(IReadOnlyDictionary<string, byte[]> fields, string name)
    {
        if (fields.TryGetValue(name, out var value))
        {
            return value;
        }

        var match = fields.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase));
        return match.Value;
    }

    // A multipart whose boundary is missing or never appears has no parts to read: the sender's
    // text is somewhere in the preamble, unreadable by rule. A person looks at such mail.
    static string? FindStructureDefect(MimeEntity? entity)
    {
        if (entity is not Multipart multipart)
        {
            return null;
        }

        if (string.IsNullOrEmpty(multipart.Boundary))
        {
            return $"The {multipart.ContentType.MimeType} part has no boundary, so its parts cannot be found.";
        }

        if (multipart.Count == 0)
        {
            return $"The boundary of the {multipart.ContentType.MimeType} part never appears in the mail, so its parts cannot be found.";
        }

        return multipart.Select(FindStructureDefect).FirstOrDefault(d => d is not null);
    }

    // The first text part of the wanted kind that is the body, not an attached file.
    static TextPart? FindBodyPart(MimeMessage message, TextFormat format) =>
        message.BodyParts
            .OfType<TextPart>()
            .FirstOrDefault(p => !p.IsAttachment && (format == TextFormat.Html ? p.IsHtml : p.IsPlain));

    static string DecodeText(TextPart part, string what, List<string> warnings)
    {
        var bytes = DecodedBytes(part);
        var charset = part.ContentType.Charset;
        var text = MailCharsets.Decode(bytes, charset, out var guessed);
        if (guessed)
        {
            warnings.Add($"The {what} was not in its labelled charset '{charset ?? "(none)"}'; read as Windows-1252.");
        }

        if (part.IsFlowed)
        {
            var deleteSpace = part.ContentType.Parameters.TryGetValue("delsp", out string? delsp) && delsp.Equals("yes", StringComparison.OrdinalIgnoreCase);
            text = new FlowedToText { DeleteSpace = deleteSpace }.Convert(text);
        }

        return text.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    static byte[] DecodedBytes(MimePart part)
    {
        if (part.Content is null)
        {
            return [];
        }

        using var buffer = new MemoryStream();
        part.Content.DecodeTo(buffer);
        return buffer.ToArray();
    }

    static InboundAttachment? ToAttachment(MimeEntity entity, int index)
    {
        switch (entity)
        {
            case MessagePart { Message: { } attached } messagePart:
            {
                // message/rfc822 (a forwarded mail) or text/rfc822-headers (a bounce's copy of our headers).
                using var buffer = new MemoryStream();
                attached.WriteTo(buffer);
                var contentType = messagePart.ContentType.MimeType.ToLowerInvariant();
                var name = messagePart.ContentDisposition?.FileName
                    ?? (contentType == "message/rfc822" && !string.IsNullOrWhiteSpace(attached.Subject) ? attached.Subject + ".eml" : null);
                return new InboundAttachment(SafeFileName(name, contentType, index), contentType, buffer.ToArray(), ContentIdOf(entity), IsInline(entity));
            }

            case MimePart part:
            {
                var contentType = part.ContentType.MimeType.ToLowerInvariant();
                return new InboundAttachment(SafeFileName(part.FileName, contentType, index), contentType, DecodedBytes(part), ContentIdOf(entity), IsInline(entity));
            }

            default:
                return null;
        }
    }

    static string? ContentIdOf(MimeEntity entity) => NullIfEmpty(entity.ContentId);

    static bool IsInline(MimeEntity entity) =>
        entity.ContentDisposition?.Disposition.Equals(ContentDisposition.Inline, StringComparison.OrdinalIgnoreCase) == true
        || (entity.ContentDisposition is null && entity.ContentId is not null);

    /// <summary>A file name safe to use as the last part of a blob name: no folders, no control characters, never empty.</summary>
    public static string SafeFileName(string? name, string contentType, int index)
    {
        var candidate = (name ?? string.Empty).Replace('\\', '/');
        candidate = candidate[(candidate.LastIndexOf('/') + 1)..];
        candidate = new string([.. candidate.Where(c => !char.IsControl(c) && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*'))]).Trim().Trim('.');
        if (candidate.Length > 150)
        {
            var extension = Path.GetExtension(candidate);
            candidate = candidate[..(150 - Math.Min(extension.Length, 20))] + (extension.Length <= 20 ? extension : string.Empty);
        }

        if (candidate.Length > 0)
        {
            return candidate;
        }

        var type = (contentType ?? string.Empty).ToLowerInvariant();
        var ext = type switch
        {
            "application/pdf" => ".pdf",
            "image/jpeg" or "image/jpg" => ".jpg",
            "image/png" => ".png",
            "image/gif" => ".gif",
            "image/heic" => ".heic",
            "message/rfc822" => ".eml",
            "message/delivery-status" => ".txt",
            "text/rfc822-headers" => ".txt",
            "text/plain" => ".txt",
            "text/html" => ".html",
            _ => ".bin",
        };
        return $"attachment-{index}{ext}";
    }

    static InboundAddress? FirstMailbox(IEnumerable<InternetAddress>? addresses) =>
        Mailboxes(addresses).FirstOrDefault();

    static List<InboundAddress> Mailboxes(IEnumerable<InternetAddress>? addresses)
    {
        var list = new List<InboundAddress>();
        if (addresses is null)
        {
            return list;
        }

        foreach (var address in addresses)
        {
            switch (address)
            {
                case MailboxAddress mailbox when IsAddress(mailbox.Address):
                    list.Add(new InboundAddress(mailbox.Address.Trim(), NullIfEmpty(mailbox.Name?.Trim())));
                    break;
                case GroupAddress group:
                    list.AddRange(Mailboxes(group.Members));
                    break;
            }
        }

        return list;
    }

    static bool IsAddress(string? address) =>
        address is not null && address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < address.Length - 1;

    static InboundAddress? ParseMailbox(string? value) => ParseMailboxes(value).FirstOrDefault();

    static List<InboundAddress> ParseMailboxes(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        return InternetAddressList.TryParse(ParserOptions.Default, value, out var list) ? Mailboxes(list) : [];
    }

    static string? ReturnPath(HeaderList headers)
    {
        var value = headers[HeaderId.ReturnPath];
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.StartsWith('<') && trimmed.IndexOf('>', StringComparison.Ordinal) is var close and > 0)
        {
            trimmed = trimmed[1..close];
        }

        return trimmed.Trim();
    }

    // MimeKit keeps the top-level Content-* headers with the body; the mail carried them together.
    static MailHeaders Headers(MimeMessage message) =>
        new(message.Headers.Concat(message.Body?.Headers ?? []).Select(h => new MailHeader(h.Field, h.Value ?? string.Empty)));

    static void AddHeaderWarnings(InboundMail mail, List<string> warnings)
    {
        if (mail.MessageId is null)
        {
            warnings.Add("The mail has no Message-ID.");
        }

        if (mail.Date is null)
        {
            warnings.Add("The mail has no Date.");
        }
    }

    static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
