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
}
