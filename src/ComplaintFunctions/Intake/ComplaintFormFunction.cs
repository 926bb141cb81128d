using ComplaintFunctions.Domain.Intake;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ComplaintFunctions.Intake;

/// <summary><c>GET /api/form?lang=</c>: the complaint form in the customer's language.</summary>
public static class ComplaintFormFunction
{
    [Function("ComplaintForm")]
    public static IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "form")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var language = ComplaintSubmissionRules.NormaliseLanguage(request.Query["lang"].ToString())
            ?? ComplaintSubmissionRules.NormaliseLanguage(request.Headers.AcceptLanguage.ToString().Split(',')[0])
            ?? "nb";

        // A fresh key per form shown: a double click or a resent post opens one case, not two.
        return ComplaintForm.Render(StatusCodes.Status200OK, language, new ComplaintSubmission(), new Dictionary<string, string[]>(), Guid.NewGuid().ToString("N"));
    }
}
