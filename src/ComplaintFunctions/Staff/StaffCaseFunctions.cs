using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Http;
using ComplaintFunctions.Inbound;
using ComplaintFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace ComplaintFunctions.Staff;

/// <summary>What customer-service staff read: open cases, one case with its trail, and mail kept for a person.</summary>
public sealed class StaffCaseFunctions(ComplaintStore complaints, CaseEventLog auditTrail, InboxReviewList reviewList, CaseFileStore caseFiles, TimeProvider time)
{
    [Function("ListOpenCases")]
    public async Task<IActionResult> List([HttpTrigger(AuthorizationLevel.Function, "get", Route = "staff/complaints")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        CaseStage? stage = null;
        var stageText = request.Query["stage"].ToString();
        if (stageText.Length > 0)
        {
            if (!CaseStageNames.TryParse(stageText, out var parsed))
            {
                return Problems.Invalid(new Dictionary<string, string[]>
                {
                    ["stage"] = [$"One of: {string.Join(", ", CaseStageNames.All.Select(s => s.ToWire()))}."],
                });
            }

            stage = parsed;
        }

        bool? overdue = request.Query["overdue"].ToString() switch
        {
            "" => null,
            "true" => true,
            "false" => false,
            _ => null,
        };
        var now = time.GetUtcNow();
        var listed = new List<CaseOnTheList>();
        await foreach (var row in complaints.ListOpenAsync(stage, now, request.HttpContext.RequestAborted))
        {
            listed.Add(row);
        }

        var cases = new List<object>();
        foreach (var row in listed)
        {
            if ((overdue is { } wanted && row.Overdue != wanted) || (stage is { } s && row.Complaint.Stage != s))
            {
                continue;
            }

            var c = row.Complaint;
            cases.Add(new
            {
                caseNumber = c.CaseNumber.Value,
                stage = c.Stage.ToWire(),
                category = c.Details.Category.ToWire(),
                channel = c.Channel.ToWire(),
                customer = c.Details.Customer.Email,
                country = c.Details.Customer.Country.ToString(),
                openedAt = c.OpenedAt,
                owner = row.Owner,
                dueAt = row.DueAt,
                overdue = row.Overdue,
                mailFailed = row.MailFailed,
            });
        }

        return new OkObjectResult(new { count = cases.Count, cases });
    }

    [Function("GetCaseForStaff")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "staff/complaints/{caseNumber}")] HttpRequest request,
        string caseNumber)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!CaseNumber.TryParse(caseNumber, out var number) || await complaints.FindAsync(number, request.HttpContext.RequestAborted) is not { } stored)
        {
            return Problems.Status(StatusCodes.Status404NotFound, $"No case {caseNumber}.", "Check the number: K-dddd-dddd-ddd.");
        }

        var details = stored.Complaint.Details;
        var trail = await auditTrail.ReadAsync(number, request.HttpContext.RequestAborted);
        return new OkObjectResult(new
        {
            summary = Summary(stored.Complaint),
            customer = details.Customer,
            purchase = details.Purchase,
            description = details.Description,
            trail = trail.Select(e => new { e.OccurredAt, e.Kind, e.Actor, e.Channel, e.Summary }),
        });
    }

    /// <summary>The case file prepared for the ombudsman or a body (<c>?for=ombudsman</c> or a body's id): a page to read, print to PDF and send.</summary>
    [Function("GetCaseFile")]
    public async Task<IActionResult> File(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "staff/complaints/{caseNumber}/file")] HttpRequest request,
        string caseNumber)
    {
        ArgumentNullException.ThrowIfNull(request);
        var forWhom = request.Query["for"].ToString();
        if (!CaseNumber.TryParse(caseNumber, out var number) || forWhom.Length is 0 or > 64 || forWhom.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')))
        {
            return Problems.Status(StatusCodes.Status404NotFound, "No such case file.", "Use the link from the mail about the case.");
        }

        if (await caseFiles.ReadAsync(number, forWhom, request.HttpContext.RequestAborted) is not { } html)
        {
            return Problems.Status(StatusCodes.Status404NotFound, "No such case file.", "It is prepared when the case goes to the ombudsman or an external body.");
        }

        return new ContentResult { StatusCode = StatusCodes.Status200OK, ContentType = "text/html; charset=utf-8", Content = html };
    }

    [Function("ListInboxReview")]
    public async Task<IActionResult> Review([HttpTrigger(AuthorizationLevel.Function, "get", Route = "staff/inbox/review")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var items = await reviewList.ListAsync(request.HttpContext.RequestAborted);
        return new OkObjectResult(new { count = items.Count, items });
    }

    static object Summary(Complaint complaint) => new
    {
        caseNumber = complaint.CaseNumber.Value,
        stage = complaint.Stage.ToWire(),
        category = complaint.Details.Category.ToWire(),
        channel = complaint.Channel.ToWire(),
        customer = complaint.Details.Customer.Email,
        country = complaint.Details.Customer.Country.ToString(),
        openedAt = complaint.OpenedAt,
        updatedAt = complaint.UpdatedAt,
    };
}
