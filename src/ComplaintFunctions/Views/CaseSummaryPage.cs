using System.Globalization;
using System.Text;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Http;
using ComplaintFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintFunctions.Views;

/// <summary>The case as staff read it from a view link: what the customer reported, where the case is, and its audit trail. Everything from the case is HTML-encoded.</summary>
public static class CaseSummaryPage
{
    public static ContentResult Render(Complaint complaint, IReadOnlyList<CaseEvent> trail, ViewPageTexts texts)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(trail);
        ArgumentNullException.ThrowIfNull(texts);
        var d = complaint.Details;
        var customer = string.IsNullOrWhiteSpace(d.Customer.Name) ? d.Customer.Email : $"{d.Customer.Name} <{d.Customer.Email}>";
        var html = new StringBuilder();
        html.Append("<p class=\"case\">").Append(HtmlPage.Encode(complaint.CaseNumber.Value)).Append("</p>")
            .Append("<p id=\"read-only\"><small>").Append(HtmlPage.Encode(texts.ReadOnly)).Append("</small></p>")
            .Append("<table id=\"summary\">")
            .Append(Row(texts.Stage, texts.Stages[complaint.Stage]))
            .Append(Row(texts.Customer, customer))
            .Append(Row(texts.Category, d.Category.ToWire()))
            .Append(Row(texts.Channel, complaint.Channel.ToWire()))
            .Append(Row(texts.Country, d.Customer.Country.ToString()))
            .Append(Row(texts.Product, d.Purchase.Product ?? "-"))
            .Append(Row(texts.Reported, Time(complaint.OpenedAt)))
            .Append(Row(texts.LastChange, Time(complaint.UpdatedAt)))
            .Append("</table>")
            .Append("<h2>").Append(HtmlPage.Encode(texts.Description)).Append("</h2><p id=\"description\">").Append(Lines(d.Description)).Append("</p>")
            .Append("<h2>").Append(HtmlPage.Encode(texts.Trail)).Append("</h2><table id=\"trail\"><tr>")
            .Append("<th>").Append(HtmlPage.Encode(texts.When)).Append("</th><th>").Append(HtmlPage.Encode(texts.Who)).Append("</th><th>")
            .Append(HtmlPage.Encode(texts.Through)).Append("</th><th>").Append(HtmlPage.Encode(texts.What)).Append("</th></tr>");
        foreach (var e in trail)
        {
            html.Append("<tr><td>").Append(Time(e.OccurredAt)).Append("</td><td>").Append(HtmlPage.Encode(e.Actor)).Append("</td><td>")
                .Append(HtmlPage.Encode(e.Channel)).Append("</td><td>").Append(Lines(e.Summary)).Append("</td></tr>");
        }

        html.Append("</table>");
        var title = texts.CaseTitle.Replace("{case}", complaint.CaseNumber.Value, StringComparison.Ordinal);
        return HtmlPage.Render(StatusCodes.Status200OK, texts.Language, title, html.ToString());

        static string Row(string name, string value) => $"<tr><th>{HtmlPage.Encode(name)}</th><td>{HtmlPage.Encode(value)}</td></tr>";
    }

    static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    static string Lines(string? text) => HtmlPage.Encode(text).Replace("\n", "<br>", StringComparison.Ordinal);
}
