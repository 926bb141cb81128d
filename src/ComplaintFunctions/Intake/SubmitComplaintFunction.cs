using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Intake;
using ComplaintFunctions.Http;
using ComplaintFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Intake;

/// <summary><c>POST /api/complaints</c>: a complaint from the web form or the JSON API.</summary>
public sealed class SubmitComplaintFunction(ComplaintIntake intake, TimeProvider time, IOptions<PipelineOptions> options)
{
    [Function("SubmitComplaint")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "complaints")] HttpRequest request,
        [DurableClient] DurableTaskClient durable)
    {
        ArgumentNullException.ThrowIfNull(request);
        var read = await SubmissionReader.ReadAsync(request, request.HttpContext.RequestAborted);
        if (read.Problem is { } unreadable)
        {
            return unreadable;
        }

        var idempotencyKey = request.Headers["Idempotency-Key"].ToString();
        if (idempotencyKey.Length == 0 && read.FormIdempotencyKey is { } formKey)
        {
            idempotencyKey = formKey;
        }

        if (idempotencyKey.Length > IdempotencyKeys.MaxKeyLength)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["Idempotency-Key"] = [$"At most {IdempotencyKeys.MaxKeyLength} characters."] });
        }

        var check = ComplaintSubmissionRules.Check(read.Submission!, options.Value.Today(time));
        if (!check.IsValid)
        {
            if (read.FromForm && HtmlPage.Wanted(request))
            {
                var language = ComplaintSubmissionRules.NormaliseLanguage(read.Submission!.Language) ?? "nb";
                return ComplaintForm.Render(StatusCodes.Status400BadRequest, language, read.Submission, check.Errors, idempotencyKey);
            }

            return Problems.Invalid(check.Errors);
        }

        var opened = await intake.OpenAsync(
            check.Details!,
            Channel.WebForm,
            "customer",
            string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim(),
            durable,
            request.HttpContext.RequestAborted);

        if (read.FromForm && HtmlPage.Wanted(request))
        {
            return ComplaintForm.Receipt(opened, check.Details!.Customer);
        }

        request.HttpContext.Response.Headers.Location = opened.StatusUrl;
        return new ObjectResult(new { caseNumber = opened.CaseNumber.Value, status = opened.Stage.ToWire(), statusUrl = opened.StatusUrl })
        {
            StatusCode = StatusCodes.Status202Accepted,
        };
    }
}
