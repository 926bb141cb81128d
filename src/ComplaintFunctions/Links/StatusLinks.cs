using ComplaintFunctions.Domain.Complaints;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Links;

/// <summary>The customer's link to their case's status page: the case number alone shows nothing.</summary>
public sealed class StatusLinks(LinkSigner signer, IOptions<PipelineOptions> options)
{
    const string Purpose = "status";

    public string TokenFor(CaseNumber caseNumber) => signer.Sign(Purpose, caseNumber.Value);

    public bool IsValid(CaseNumber caseNumber, string? token) => signer.Verify(Purpose, caseNumber.Value, token);

    public string UrlFor(CaseNumber caseNumber) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/complaints/{caseNumber.Value}?t={TokenFor(caseNumber)}";
}
