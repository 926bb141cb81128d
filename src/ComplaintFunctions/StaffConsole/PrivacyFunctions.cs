using System.Globalization;
using System.Text.Json;
using ComplaintFunctions.Http;
using ComplaintFunctions.Privacy;
using ComplaintFunctions.Workflow;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static ComplaintFunctions.StaffConsole.ConsolePages;

namespace ComplaintFunctions.StaffConsole;

/// <summary>
/// The console's personal-data page (a team lead or management): the export of everything held about an
/// e-mail address (a page, or JSON), and erasure of every case of an address. The address travels in a
/// posted form, never in a link, so it is in no address bar, history or log of requests.
/// </summary>
public sealed class PrivacyFunctions(
    StaffSessions sessions,
    ConsoleForms forms,
    CaseEraser eraser,
    PersonalDataExport export,
    Storage.ComplaintStore complaints,
    IOptions<PipelineOptions> pipeline,
    IOptions<StaffOptions> staff,
    TimeProvider time,
    ILogger<PrivacyFunctions> logger)
{
    const string Subject = "privacy";
    static readonly JsonSerializerOptions ExportJson = new(JsonSerializerOptions.Web) { WriteIndented = true };

    ConsoleTexts T => ConsoleTexts.For(staff.Value.Language);

    [Function("ConsolePrivacy")]
    public IActionResult Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/privacy")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (sessions.Read(request) is not { Roles.Count: > 0 } person)
        {
            return SignInFirst(request);
        }

        return CaseAccess.HandlesPersonalData(person)
            ? PrivacyPage(person, StatusCodes.Status200OK, null, null)
            : Message(T, StatusCodes.Status403Forbidden, T.NotYourPrivacyTitle, T.NotYourPrivacy, person: person);
    }

    [Function("ConsolePrivacyExport")]
    public async Task<IActionResult> Export([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/privacy/export")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (person, form, refusal) = await ReadAsync(request, "export");
        if (refusal is not null)
        {
            return refusal;
        }

        var email = form!["email"].ToString().Trim();
        if (email.Length is 0 or > 320)
        {
            return PrivacyPage(person!, StatusCodes.Status400BadRequest, T.WriteEmailFirst, email);
        }

        var report = await export.MakeAsync(email, request.HttpContext.RequestAborted);
        logger.LogInformation("Personal data exported: {Cases} cases, by the {Role}", report.Cases.Count, CaseAccess.PersonalDataRole(person!));
        request.HttpContext.Response.Headers.CacheControl = "private, no-store";
        if (form["format"].ToString() == "json")
        {
            return new FileContentResult(JsonSerializer.SerializeToUtf8Bytes(report, ExportJson), "application/json")
            {
                FileDownloadName = $"personal-data-{report.MadeAt.UtcDateTime:yyyyMMdd-HHmmss}.json",
            };
        }

        return FromTemplate(StatusCodes.Status200OK, F(T.ExportOf, ("email", report.Email)), person, "console/export", ExportModel(report, person!), T);
    }

    [Function("ConsolePrivacyErase")]
    public async Task<IActionResult> Erase(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "console/privacy/erase")] HttpRequest request,
        [DurableClient] DurableTaskClient durable)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(durable);
        var (person, form, refusal) = await ReadAsync(request, "erase");
        if (refusal is not null)
        {
            return refusal;
        }

        var email = form!["email"].ToString().Trim();
        var reason = string.Concat(form["reason"].ToString().Trim().Where(c => !char.IsControl(c)));
        if (email.Length is 0 or > 320)
        {
            return PrivacyPage(person!, StatusCodes.Status400BadRequest, T.WriteEmailFirst, email);
        }

        if (reason.Length is 0 or > 500 || form["confirm"].ToString() != "on")
        {
            return PrivacyPage(person!, StatusCodes.Status400BadRequest, T.WriteReasonFirst, email);
        }

        var cancel = request.HttpContext.RequestAborted;
        var actor = person!.ActorAs(CaseAccess.PersonalDataRole(person)!);
        var results = new List<ErasureResultItem>();
        var cases = await complaints.FindByEmailAsync(email, time.GetUtcNow(), cancel);
        foreach (var row in cases)
        {
            // One after the other: each case's erasure is whole before the next begins.
            var result = await eraser.EraseAsync(row.Complaint.CaseNumber, actor, reason, durable, cancel);
            var number = row.Complaint.CaseNumber.Value;
            var text = result.Outcome switch
            {
                ErasureOutcome.Erased => F(T.ErasedOne, ("case", number)),
                ErasureOutcome.AlreadyErased => F(T.AlreadyErasedOne, ("case", number)),
                _ => F(T.RefusedOne, ("case", number), ("why", T.RefusalText(result.Refusal))),
            };
            results.Add(new ErasureResultItem(number, result.Outcome.ToString().ToLowerInvariant(), $"{Home}/cases/{Uri.EscapeDataString(number)}", text));
        }

        return FromTemplate(StatusCodes.Status200OK, T.ErasureResultTitle, person, "console/erasure-results", new ErasureResultsModel(T.ExportNothing, results), T);
    }

    /// <summary>The signed-in person, allowed here, and the form they were shown for this action; or the page saying why not.</summary>
    async Task<(StaffPerson? Person, IFormCollection? Form, IActionResult? Refusal)> ReadAsync(HttpRequest request, string action)
    {
        if (sessions.Read(request) is not { Roles.Count: > 0 } person)
        {
            return (null, null, Message(T, StatusCodes.Status401Unauthorized, T.SignedOutTitle, T.SignedOutNothingDone, signInLink: true));
        }

        if (!CaseAccess.HandlesPersonalData(person))
        {
            return (person, null, Message(T, StatusCodes.Status403Forbidden, T.NotYourPrivacyTitle, T.NotYourPrivacy, person: person));
        }

        var (form, unreadable) = await RequestBodies.ReadFormAsync(request, RequestBodies.MaxPageFormBytes, request.HttpContext.RequestAborted);
        if (unreadable is not null || form is null)
        {
            return (person, null, Message(T, unreadable?.Status ?? StatusCodes.Status400BadRequest, T.NothingSentTitle, (unreadable?.Detail ?? T.FormEmpty) + " " + T.NothingDone, person: person));
        }

        if (forms.Read(form["form"].ToString(), person, Subject) is not { } shown || shown.Step != action)
        {
            return (person, null, Message(T, StatusCodes.Status400BadRequest, T.FormNotValidTitle, T.FormNotValid, person: person));
        }

        return (person, form, null);
    }

    ContentResult PrivacyPage(StaffPerson person, int status, string? problem, string? email)
    {
        var t = T;
        var model = new PrivacyPageModel(
            problem, t.PrivacyHint, Home, t.ExportTitle, t.ExportHint, forms.Issue(person.Id, Subject, "export", Guid.NewGuid()), t.EmailLabel, email,
            t.ExportAsPage, t.ExportAsJson, t.ExportButton, t.EraseByAddressTitle, t.EraseByAddressHint, forms.Issue(person.Id, Subject, "erase", Guid.NewGuid()),
            t.ReasonLabel, t.EraseConfirm, t.EraseButton);
        return FromTemplate(status, t.PrivacyTitle, person, "console/privacy", model, t);
    }

    ExportPageModel ExportModel(PersonalDataReport report, StaffPerson person)
    {
        var t = T;
        var zone = pipeline.Value.TimeZone;
        string At(DateTimeOffset? at) => at is { } a ? Local(a, zone) : "—";
        var labels = t.CustomerRows;
        var cases = report.Cases.Select(c => new ExportCaseModel(
            c.CaseNumber,
            F(t.ExportCase, ("case", c.CaseNumber)),
            c.Erased ? t.ExportErasedCase : null,
            [
                new(t.Stage, c.Stage), new(labels[0], c.Name), new(labels[1], c.Email), new(labels[2], c.Phone), new(labels[3], c.Country),
                new(labels[4], c.Language), new(labels[5], c.Category), new(labels[6], c.OrderNumber), new(labels[7], c.Product), new(labels[8], c.Manufacturer),
                new(labels[9], c.DeliveryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new(labels[10], c.Channel), new(labels[11], At(c.OpenedAt)),
            ],
            c.Description,
            [.. c.Texts.Select(x => new ExportText($"{At(x.At)} · {x.Author} · {x.Kind}", x.Text))],
            [.. c.Attachments.Select(a => $"{a.File} ({a.ContentType}, {a.Size} B)")],
            [
                new ExportMailTable(t.ExportMailsSent, [.. c.MailsSent.Select(m => new ExportMailRow(At(m.SentAt), m.To, m.Subject, m.State))]),
                new ExportMailTable(t.ExportMailsReceived, [.. c.MailsReceived.Select(m => new ExportMailRow(At(m.At), report.Email, m.Outcome, m.Reason))]),
            ],
            [.. c.Trail.Select(l => new TrailLine(At(l.At), l.Actor, l.Kind, l.Summary))])).ToList();
        IReadOnlyList<ExportMailTable> review = report.MailsToReview.Count == 0
            ? []
            : [new ExportMailTable(t.ExportReview, [.. report.MailsToReview.Select(m => new ExportMailRow(At(m.At), m.From, m.Subject, m.Reason))])];
        return new ExportPageModel(
            F(t.ExportMadeAt, ("at", At(report.MadeAt)), ("who", person.Name)),
            report.Cases.Count == 0 && report.MailsToReview.Count == 0 ? t.ExportNothing : null,
            cases, t.ExportTexts, t.ExportAttachments, t.ExportMailColumns, t.ExportTrail, t.TrailColumns, review);
    }

    sealed record ErasureResultItem(string Case, string Outcome, string Url, string Text) : IPageModel;

    sealed record ErasureResultsModel(string Nothing, IReadOnlyList<ErasureResultItem> Results) : IPageModel;

    sealed record PrivacyPageModel(
        string? Problem, string Hint, string Home, string ExportTitle, string ExportHint, string ExportToken, string EmailLabel, string? Email,
        string AsPage, string AsJson, string ExportButton, string EraseTitle, string EraseHint, string EraseToken, string ReasonLabel, string EraseConfirm, string EraseButton) : IPageModel;

    sealed record ExportText(string Meta, string Text) : IPageModel;

    sealed record ExportMailRow(string At, string Who, string What, string State) : IPageModel;

    sealed record ExportMailTable(string Title, IReadOnlyList<ExportMailRow> Rows) : IPageModel;

    sealed record ExportCaseModel(
        string Case, string Heading, string? Erased, IReadOnlyList<LabelledValue> Rows, string Description, IReadOnlyList<ExportText> Texts,
        IReadOnlyList<string> Attachments, IReadOnlyList<ExportMailTable> Mails, IReadOnlyList<TrailLine> Trail) : IPageModel;

    sealed record ExportPageModel(
        string Made, string? Nothing, IReadOnlyList<ExportCaseModel> Cases, string TextsHeading, string AttachmentsHeading, IReadOnlyList<string> MailColumns,
        string TrailHeading, IReadOnlyList<string> TrailColumns, IReadOnlyList<ExportMailTable> Review) : IPageModel;
}
