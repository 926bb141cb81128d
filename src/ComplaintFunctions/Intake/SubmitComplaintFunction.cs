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
        var (unreadable, submission) = await SubmissionReader.ReadCheckedAsync(request, options.Value.Today(time), request.HttpContext.RequestAborted);
        if (unreadable is not null)
        {
            return unreadable;
        }

        var read = submission!.Read;
        if (!submission.IsValid)
        {
            if (read.FromForm && HtmlPage.Wanted(request))
            {
                var language = ComplaintSubmissionRules.NormaliseLanguage(submission.Submission.Language) ?? "nb";
                return ComplaintForm.Render(StatusCodes.Status400BadRequest, language, submission.Submission, submission.Errors, submission.IdempotencyKey ?? Guid.NewGuid().ToString("N"));
            }

            return Problems.Invalid(submission.Errors);
        }

        var check = submission.Check;
        OpenedCase opened;
        try
        {
            opened = await intake.OpenAsync(check.Details!, Channel.WebForm, "customer", submission.IdempotencyKey, durable, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (IdempotencyKeyConflictException e)
        {
            return Problems.IdempotencyKeyReused(e.Key);
        }

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
