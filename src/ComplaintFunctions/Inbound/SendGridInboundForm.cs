using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace ComplaintFunctions.Inbound;

/// <summary>
/// Reads the multipart/form-data body SendGrid Inbound Parse posts into raw field bytes and
/// files, without decoding any text: the fields are in the charsets SendGrid's <c>charsets</c>
/// field names, so reading them as UTF-8 form values would garble ISO-8859-1 and Windows-1252
/// mail. Pass the result to <see cref="InboundMailParser.ParseSendGridFields"/>.
/// </summary>
public static class SendGridInboundForm
{
    /// <summary>SendGrid posts at most 30 MB of mail; base64 and form overhead fit under this.</summary>
    public const long MaxBodyBytes = 50L * 1024 * 1024;

    /// <exception cref="InvalidDataException">The body is not multipart/form-data, or is larger than <see cref="MaxBodyBytes"/>.</exception>
    public static async Task<SendGridInboundPost> ReadAsync(Stream body, string? contentType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException("SendGrid Inbound Parse posts multipart/form-data.");
        }

        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            throw new InvalidDataException("The multipart/form-data body has no boundary.");
        }

        var fields = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        var files = new List<SendGridFile>();
        var reader = new MultipartReader(boundary, body) { BodyLengthLimit = MaxBodyBytes };
        long total = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                continue;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
            using var buffer = new MemoryStream();
            await section.Body.CopyToAsync(buffer, cancellationToken);
            total += buffer.Length;
            if (total > MaxBodyBytes)
            {
                throw new InvalidDataException($"The post is larger than {MaxBodyBytes / (1024 * 1024)} MB.");
            }

            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value
                ?? HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            if (fileName is not null)
            {
                files.Add(new SendGridFile(name, fileName, section.ContentType ?? "application/octet-stream", buffer.ToArray()));
            }
            else
            {
                fields[name] = buffer.ToArray();
            }
        }

        return new SendGridInboundPost(fields, files);
    }
}
