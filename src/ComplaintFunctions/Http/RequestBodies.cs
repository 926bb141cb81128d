using Microsoft.AspNetCore.Http;

namespace ComplaintFunctions.Http;

/// <summary>Why a request body could not be read: its status and the words for the one who sent it.</summary>
public sealed record UnreadableBody(int Status, string Title, string Detail);

/// <summary>
/// Reads request bodies with a limit that holds whether or not the request says its length
/// (a chunked post has no Content-Length): at most the limit is ever read into memory, and a body
/// that is too large or malformed (a form without its multipart boundary, say) comes back as an
/// <see cref="UnreadableBody"/> rather than an exception, so nobody gets a bare 500.
/// </summary>
public static class RequestBodies
{
    /// <summary>What a page's form (an action link, a withdrawal) may post: text, never files.</summary>
    public const long MaxPageFormBytes = 1024 * 1024;

    /// <summary>The body's bytes, or why not: <c>413</c> as soon as it passes <paramref name="limit"/>.</summary>
    public static async Task<(byte[]? Bytes, UnreadableBody? Unreadable)> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            int read;
            try
            {
                read = await request.Body.ReadAsync(chunk, cancellationToken);
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                return (null, new UnreadableBody(StatusCodes.Status400BadRequest, "The request could not be read.", "The body ended early or was not sent as its headers say. Send it again."));
            }

            if (read == 0)
            {
                break;
            }

            if (buffer.Length + read > limit)
            {
                return (null, TooLarge(limit));
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        return (buffer.ToArray(), null);
    }

    /// <summary>
    /// The posted form (urlencoded or multipart/form-data), or why not. The body is read within
    /// <paramref name="limit"/> first, so no value can reach the form reader's own limits.
    /// </summary>
    public static async Task<(IFormCollection? Form, UnreadableBody? Unreadable)> ReadFormAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (bytes, unreadable) = await ReadAsync(request, limit, cancellationToken);
        if (unreadable is not null)
        {
            return (null, unreadable);
        }

        request.Body = new MemoryStream(bytes!, writable: false);
        try
        {
            return (await request.ReadFormAsync(cancellationToken), null);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            var multipart = request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;
            return (null, new UnreadableBody(
                StatusCodes.Status400BadRequest,
                "The form could not be read.",
                multipart
                    ? "A multipart/form-data post needs a boundary in its Content-Type and parts that use it. Send the form again, or send it as application/x-www-form-urlencoded."
                    : $"The form's fields could not be read: {e.Message} Send the form again without control characters such as NUL."));
        }
    }

    static UnreadableBody TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "The request is too large.", $"It can be at most {Size(limit)}; send attachments by mail instead.");

    static string Size(long bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes / 1024} KB";
}
