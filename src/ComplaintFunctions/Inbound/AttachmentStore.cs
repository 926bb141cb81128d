using Azure.Storage.Blobs.Models;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Mail;
using ComplaintFunctions.Storage;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Inbound;

/// <summary>What happened to a mail's attachments: the ones kept (blob names) and the ones refused, with why.</summary>
public sealed record AttachmentsKept(IReadOnlyList<string> Kept, IReadOnlyList<string> Refused);

/// <summary>
/// Puts a mail's attachments in Blob storage under its case (never through orchestration inputs),
/// within the configured limits; what is over a limit is named, not silently dropped (the raw
/// mail with everything in it stays in <c>raw-mail</c>).
/// </summary>
public sealed class AttachmentStore(AppBlobs blobs, IOptions<InboundOptions> options)
{
    public async Task<AttachmentsKept> KeepAsync(CaseNumber caseNumber, string mailHash, IReadOnlyList<InboundAttachment> attachments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attachments);
        var o = options.Value;
        var kept = new List<string>();
        var refused = new List<string>();
        var container = await blobs.GetAsync(ContainerNames.Attachments);
        for (var i = 0; i < attachments.Count; i++)
        {
            var attachment = attachments[i];
            if (i >= o.MaxAttachments)
            {
                refused.Add($"{attachment.FileName}: more than {o.MaxAttachments} attachments in one mail");
                continue;
            }

            if (attachment.Size > o.MaxAttachmentBytes)
            {
                refused.Add($"{attachment.FileName}: larger than {o.MaxAttachmentBytes / (1024 * 1024)} MB");
                continue;
            }

            var name = $"{caseNumber.Digits}/{mailHash}/{i + 1}-{InboundMailParser.SafeFileName(attachment.FileName, attachment.ContentType, i + 1)}";
            await container.GetBlobClient(name).UploadAsync(
                BinaryData.FromBytes(attachment.Content),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = attachment.ContentType } },
                cancellationToken);
            kept.Add(name);
        }

        return new AttachmentsKept(kept, refused);
    }

    /// <summary>The attachments kept for a case: each mail's, by name, with size and type.</summary>
    public async Task<IReadOnlyList<KeptAttachment>> ListAsync(CaseNumber caseNumber, CancellationToken cancellationToken)
    {
        var container = await blobs.GetAsync(ContainerNames.Attachments);
        var list = new List<KeptAttachment>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"{caseNumber.Digits}/" }, cancellationToken))
        {
            var parts = blob.Name.Split('/');
            if (parts.Length == 3)
            {
                list.Add(new KeptAttachment(parts[1], parts[2], blob.Properties.ContentLength ?? 0, blob.Properties.ContentType ?? "application/octet-stream", blob.Properties.CreatedOn));
            }
        }

        return list.OrderBy(a => a.KeptAt).ThenBy(a => a.File, StringComparer.Ordinal).ToList();
    }

    /// <summary>One kept attachment of the case, or null; the names come from a request, so only names of this case's form are looked up.</summary>
    public async Task<(Stream Content, string ContentType)?> OpenAsync(CaseNumber caseNumber, string mail, string file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(file);
        if (mail.Length is 0 or > 128 || !mail.All(char.IsAsciiLetterOrDigit) || file.Length is 0 or > 200 || file.Contains('/', StringComparison.Ordinal) || file.Contains('\\', StringComparison.Ordinal) || file.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }

        var container = await blobs.GetAsync(ContainerNames.Attachments);
        try
        {
            var download = await container.GetBlobClient($"{caseNumber.Digits}/{mail}/{file}").DownloadStreamingAsync(cancellationToken: cancellationToken);
            return (download.Value.Content, download.Value.Details.ContentType ?? "application/octet-stream");
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}

/// <param name="Mail">The mail it came with (the mail's hash).</param>
public sealed record KeptAttachment(string Mail, string File, long Size, string ContentType, DateTimeOffset? KeptAt);
