using System.Text;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintFunctions.Intake;

/// <summary>What a browser sees after posting the form.</summary>
public static class ReceiptPages
{
    public static ContentResult Receipt(OpenedCase opened, Customer customer)
    {
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(customer);
        var body = $"""
            <p>Thank you. Your complaint is registered with the case number</p>
            <p class="case" id="case-number">{HtmlPage.Encode(opened.CaseNumber.Value)}</p>
            <p>We have sent a confirmation to {HtmlPage.Encode(customer.Email)}. Keep the case number: it is all customer service needs to find your case.</p>
            <p><a href="{HtmlPage.Encode(opened.StatusUrl)}">Follow your case</a></p>
            """;
        return HtmlPage.Render(StatusCodes.Status200OK, customer.Language, "Complaint received", body);
    }

    public static ContentResult Refused(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var list = new StringBuilder("<ul>");
        foreach (var (field, messages) in errors)
        {
            list.Append("<li><b>").Append(HtmlPage.Encode(field)).Append("</b>: ").Append(HtmlPage.Encode(string.Join(" ", messages))).Append("</li>");
        }

        list.Append("</ul><p>Go back, correct the fields above and send again.</p>");
        return HtmlPage.Render(StatusCodes.Status400BadRequest, "en", "Some fields need another look", list.ToString());
    }
}
