using System.Globalization;
using System.Text;
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

        return Render(StatusCodes.Status200OK, F(T.ExportOf, ("email", report.Email)), person, ExportHtml(report, person!), T);
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
        var lines = new StringBuilder("<ul id=\"erasure-results\">");
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
            lines.Append("<li data-case=\"").Append(E(number)).Append("\" data-outcome=\"").Append(result.Outcome.ToString().ToLowerInvariant()).Append("\"><a href=\"")
                .Append(Home).Append("/cases/").Append(E(number)).Append("\">").Append(E(text)).Append("</a></li>");
        }

        lines.Append("</ul>");
        var body = cases.Count == 0 ? $"<p id=\"message\">{E(T.ExportNothing)}</p>" : lines.ToString();
        return Render(StatusCodes.Status200OK, T.ErasureResultTitle, person, body, T);
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
        var html = new StringBuilder();
        if (problem is not null)
        {
            html.Append("<p class=\"error\" id=\"problem\" role=\"alert\">").Append(E(problem)).Append("</p>");
        }

        html.Append("<p class=\"hint\">").Append(E(t.PrivacyHint)).Append("</p>");
        html.Append("<h2>").Append(E(t.ExportTitle)).Append("</h2><p class=\"hint\">").Append(E(t.ExportHint)).Append("</p>")
            .Append("<form method=\"post\" action=\"").Append(Home).Append("/privacy/export\"><input type=\"hidden\" name=\"form\" value=\"").Append(E(forms.Issue(person.Id, Subject, "export", Guid.NewGuid()))).Append("\">")
            .Append("<label for=\"export-email\">").Append(E(t.EmailLabel)).Append("</label><input id=\"export-email\" name=\"email\" type=\"email\" required value=\"").Append(E(email)).Append("\">")
            .Append("<fieldset><legend>").Append(E(t.ExportTitle)).Append("</legend>")
            .Append("<div><input type=\"radio\" style=\"width:auto\" name=\"format\" id=\"format-page\" value=\"page\" checked> <label style=\"display:inline;font-weight:400\" for=\"format-page\">").Append(E(t.ExportAsPage)).Append("</label></div>")
            .Append("<div><input type=\"radio\" style=\"width:auto\" name=\"format\" id=\"format-json\" value=\"json\"> <label style=\"display:inline;font-weight:400\" for=\"format-json\">").Append(E(t.ExportAsJson)).Append("</label></div></fieldset>")
            .Append("<button type=\"submit\" id=\"export-submit\">").Append(E(t.ExportButton)).Append("</button></form>");
        html.Append("<h2>").Append(E(t.EraseByAddressTitle)).Append("</h2><p class=\"hint\">").Append(E(t.EraseByAddressHint)).Append("</p>")
            .Append("<form method=\"post\" action=\"").Append(Home).Append("/privacy/erase\"><input type=\"hidden\" name=\"form\" value=\"").Append(E(forms.Issue(person.Id, Subject, "erase", Guid.NewGuid()))).Append("\">")
            .Append("<label for=\"erase-email\">").Append(E(t.EmailLabel)).Append("</label><input id=\"erase-email\" name=\"email\" type=\"email\" required value=\"").Append(E(email)).Append("\">")
            .Append("<label for=\"erase-reason\">").Append(E(t.ReasonLabel)).Append("</label><input id=\"erase-reason\" name=\"reason\" maxlength=\"500\" required>")
            .Append("<div><input type=\"checkbox\" style=\"width:auto\" id=\"erase-confirm\" name=\"confirm\" required> <label style=\"display:inline;font-weight:400\" for=\"erase-confirm\">").Append(E(t.EraseConfirm)).Append("</label></div>")
            .Append("<button type=\"submit\" id=\"erase-submit\">").Append(E(t.EraseButton)).Append("</button></form>");
        return Render(status, t.PrivacyTitle, person, html.ToString(), t);
    }

    string ExportHtml(PersonalDataReport report, StaffPerson person)
    {
        var t = T;
        var zone = pipeline.Value.TimeZone;
        string At(DateTimeOffset? at) => at is { } a ? Local(a, zone) : "—";
        var html = new StringBuilder("<p id=\"made\">").Append(E(F(t.ExportMadeAt, ("at", At(report.MadeAt)), ("who", person.Name)))).Append("</p>");
        if (report.Cases.Count == 0 && report.MailsToReview.Count == 0)
        {
            html.Append("<p id=\"message\">").Append(E(t.ExportNothing)).Append("</p>");
        }

        var labels = t.CustomerRows;
        foreach (var c in report.Cases)
        {
            html.Append("<section class=\"export-case\" data-case=\"").Append(E(c.CaseNumber)).Append("\"><h2>").Append(E(F(t.ExportCase, ("case", c.CaseNumber)))).Append("</h2>");
            if (c.Erased)
            {
                html.Append("<p>").Append(E(t.ExportErasedCase)).Append("</p>");
            }

            html.Append("<table><tbody>")
                .Append(Row(t.Stage, c.Stage)).Append(Row(labels[0], c.Name)).Append(Row(labels[1], c.Email)).Append(Row(labels[2], c.Phone)).Append(Row(labels[3], c.Country))
                .Append(Row(labels[4], c.Language)).Append(Row(labels[5], c.Category)).Append(Row(labels[6], c.OrderNumber)).Append(Row(labels[7], c.Product)).Append(Row(labels[8], c.Manufacturer))
                .Append(Row(labels[9], c.DeliveryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).Append(Row(labels[10], c.Channel)).Append(Row(labels[11], At(c.OpenedAt)))
                .Append("</tbody></table><p class=\"description\">").Append(Lines(c.Description)).Append("</p>");
            html.Append("<h3>").Append(E(t.ExportTexts)).Append("</h3>");
            foreach (var text in c.Texts)
            {
                html.Append("<article class=\"ours\"><p class=\"meta\">").Append(E($"{At(text.At)} · {text.Author} · {text.Kind}")).Append("</p><p>").Append(Lines(text.Text)).Append("</p></article>");
            }

            html.Append("<h3>").Append(E(t.ExportAttachments)).Append("</h3><ul>");
            foreach (var a in c.Attachments)
            {
                html.Append("<li>").Append(E($"{a.File} ({a.ContentType}, {a.Size} B)")).Append("</li>");
            }

            html.Append("</ul>").Append(MailTable(t.ExportMailsSent, c.MailsSent.Select(m => (At(m.SentAt), m.To, m.Subject, m.State))))
                .Append(MailTable(t.ExportMailsReceived, c.MailsReceived.Select(m => (At(m.At), report.Email, m.Outcome, m.Reason))));
            html.Append("<h3>").Append(E(t.ExportTrail)).Append("</h3><table><thead><tr>").Append(string.Concat(t.TrailColumns.Select(col => $"<th scope=\"col\">{E(col)}</th>"))).Append("</tr></thead><tbody lang=\"en\">");
            foreach (var line in c.Trail)
            {
                html.Append("<tr><td>").Append(E(At(line.At))).Append("</td><td>").Append(E(line.Actor)).Append("</td><td>").Append(E($"{line.Kind}: {line.Summary}")).Append("</td></tr>");
            }

            html.Append("</tbody></table></section>");
        }

        if (report.MailsToReview.Count > 0)
        {
            html.Append(MailTable(t.ExportReview, report.MailsToReview.Select(m => (At(m.At), m.From, m.Subject, m.Reason))));
        }

        return html.ToString();

        string MailTable(string title, IEnumerable<(string At, string Who, string What, string State)> rows)
        {
            var table = new StringBuilder("<h3>").Append(E(title)).Append("</h3><table><thead><tr>").Append(string.Concat(t.ExportMailColumns.Select(col => $"<th scope=\"col\">{E(col)}</th>"))).Append("</tr></thead><tbody>");
            foreach (var (at, who, what, state) in rows)
            {
                table.Append("<tr><td>").Append(E(at)).Append("</td><td>").Append(E(who)).Append("</td><td>").Append(E(what)).Append("</td><td>").Append(E(state)).Append("</td></tr>");
            }

            return table.Append("</tbody></table>").ToString();
        }
    }

    static string Row(string label, string? value) => $"<tr><th scope=\"row\">{E(label)}</th><td>{E(value ?? "—")}</td></tr>";

    static string Lines(string text) => E(text).Replace("\n", "<br>", StringComparison.Ordinal);
}
