using Azure.Storage.Blobs.Models;
using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Storage;

/// <summary>The case files prepared for the ombudsman and the external bodies: one HTML document per case and recipient.</summary>
public sealed class CaseFileStore(AppBlobs blobs)
{
    /// <param name="forWhom">"ombudsman", or the id of an external body.</param>
    public async Task<string> SaveAsync(CaseNumber caseNumber, string forWhom, string html, CancellationToken cancellationToken = default)
    {
        var container = await blobs.GetAsync(ContainerNames.CaseFiles);
        var name = BlobName(caseNumber, forWhom);
        await container.GetBlobClient(name).UploadAsync(
            BinaryData.FromString(html),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/html; charset=utf-8" } },
            cancellationToken);
        return name;
    }

    /// <summary>The case file's HTML, or null when none has been prepared for <paramref name="forWhom"/>.</summary>
    public async Task<string?> ReadAsync(CaseNumber caseNumber, string forWhom, CancellationToken cancellationToken = default)
    {
        var container = await blobs.GetAsync(ContainerNames.CaseFiles);
        var blob = container.GetBlobClient(BlobName(caseNumber, forWhom));
        if (!await blob.ExistsAsync(cancellationToken))
        {
            return null;
        }

        var content = await blob.DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToString();
    }

    static string BlobName(CaseNumber caseNumber, string forWhom) => $"{caseNumber.Digits}/{forWhom}.html";
}
