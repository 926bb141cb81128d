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

/// <summary>
/// <c>POST /api/staff/complaints</c>: an agent logs a complaint taken by phone or chat. The channel
/// is recorded on the case and the customer gets the same acknowledgement as from the form.
/// </summary>
public sealed class StaffComplaintFunction(ComplaintIntake intake, TimeProvider time, IOptions<PipelineOptions> options)
{
    [Function("LogStaffComplaint")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "staff/complaints")] HttpRequest request,
        [DurableClient] DurableTaskClient durable)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (unreadable, submission) = await SubmissionReader.ReadCheckedAsync(request, options.Value.Today(time), request.HttpContext.RequestAborted);
        if (unreadable is not null)
        {
            return unreadable;
        }

        var errors = new Dictionary<string, string[]>(submission!.Errors);
        if (!ChannelNames.TryParse(submission.Submission.Channel, out var channel) || channel is not (Channel.Phone or Channel.Chat))
        {
            errors["channel"] = ["Say how the customer reached you: phone or chat."];
        }

        if (errors.Count > 0 || !submission.Check.IsValid)
        {
            return Problems.Invalid(errors);
        }

        var agent = request.Headers["X-Agent"].ToString().Trim();
        OpenedCase opened;
        try
        {
            opened = await intake.OpenAsync(
                submission.Check.Details!,
                channel,
                agent.Length is > 0 and <= 100 ? $"agent:{agent}" : "agent",
                submission.IdempotencyKey,
                durable,
                cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (IdempotencyKeyConflictException e)
        {
            return Problems.IdempotencyKeyReused(e.Key);
        }

        return new ObjectResult(new { caseNumber = opened.CaseNumber.Value, status = opened.Stage.ToWire(), statusUrl = opened.StatusUrl, channel = channel.ToWire() })
        {
            StatusCode = StatusCodes.Status202Accepted,
        };
    }
}
