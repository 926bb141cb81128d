using System.Text;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Domain.Intake;
using ComplaintFunctions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintFunctions.Intake;

/// <summary>
/// The complaint form: plain HTML that works without JavaScript. After a failed post it comes back
/// with what the customer typed and the problem written next to each field.
/// </summary>
public static class ComplaintForm
{
    public static ContentResult Render(int status, string language, ComplaintSubmission values, IReadOnlyDictionary<string, string[]> errors, string idempotencyKey)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(errors);
        var t = FormTexts.For(language);
        var html = new StringBuilder();
        html.Append("<p>").Append(HtmlPage.Encode(t.Intro)).Append("</p>");
        if (errors.Count > 0)
        {
            html.Append("<p class=\"error\" role=\"alert\">").Append(HtmlPage.Encode(t.FixErrors)).Append("</p>");
        }

        html.Append("<form method=\"post\" action=\"/api/complaints\" accept-charset=\"utf-8\" novalidate>")
            .Append($"<input type=\"hidden\" name=\"language\" value=\"{HtmlPage.Encode(language)}\">")
            .Append($"<input type=\"hidden\" name=\"idempotencyKey\" value=\"{HtmlPage.Encode(idempotencyKey)}\">");
        Input("name", values.Name, "text", "name");
        Input("email", values.Email, "email", "email");
        Input("phone", values.Phone, "tel", "tel");
        Input("orderNumber", values.OrderNumber, "text", "off");
        Input("product", values.Product, "text", "off");
        Input("manufacturer", values.Manufacturer, "text", "off");
        Input("purchaseDate", values.PurchaseDate, "date", "off");
        Input("deliveryDate", values.DeliveryDate, "date", "off");

        html.Append("<fieldset><legend><b>").Append(HtmlPage.Encode(t.Labels["category"])).Append("</b></legend>");
        Error("category");
        var chosen = string.IsNullOrWhiteSpace(values.Category) ? "other" : values.Category;
        foreach (var category in ComplaintCategoryNames.All)
        {
            var wire = category.ToWire();
            var check = string.Equals(wire, chosen, StringComparison.OrdinalIgnoreCase) ? " checked" : string.Empty;
            html.Append($"<div><input type=\"radio\" id=\"category-{wire}\" name=\"category\" value=\"{wire}\"{check} style=\"width:auto\"> ")
                .Append($"<label for=\"category-{wire}\" style=\"display:inline;font-weight:400\">{HtmlPage.Encode(t.Categories[category])}</label></div>");
        }

        html.Append("</fieldset>");

        html.Append("<label for=\"description\">").Append(HtmlPage.Encode(t.Labels["description"])).Append("</label>");
        Error("description");
        html.Append($"<textarea id=\"description\" name=\"description\" rows=\"7\" maxlength=\"{ComplaintSubmissionRules.MaxDescriptionLength}\"{Invalid("description")}>")
            .Append(HtmlPage.Encode(values.Description)).Append("</textarea>");

        html.Append("<label for=\"country\">").Append(HtmlPage.Encode(t.Labels["country"])).Append("</label>");
        Error("country");
        var country = values.Country ?? CountryFor(language);
        html.Append("<select id=\"country\" name=\"country\">");
        foreach (var (code, name) in new[] { ("NO", "Norge"), ("SE", "Sverige"), ("DK", "Danmark"), ("FI", "Suomi") })
        {
            var selected = string.Equals(code, country, StringComparison.OrdinalIgnoreCase) ? " selected" : string.Empty;
            html.Append($"<option value=\"{code}\"{selected}>{name}</option>");
        }

        html.Append("</select>");
        html.Append("<button type=\"submit\">").Append(HtmlPage.Encode(t.Send)).Append("</button></form>");
        html.Append("<p><small>").AppendJoin(" · ", FormTexts.Languages.Select(l => $"<a href=\"/api/form?lang={l}\" lang=\"{l}\">{l}</a>")).Append("</small></p>");
        return HtmlPage.Render(status, language, t.Title, html.ToString());

        void Input(string field, string? value, string type, string autocomplete)
        {
            html.Append($"<label for=\"{field}\">").Append(HtmlPage.Encode(t.Labels[field])).Append("</label>");
            Error(field);
            html.Append($"<input id=\"{field}\" name=\"{field}\" type=\"{type}\" autocomplete=\"{autocomplete}\" value=\"{HtmlPage.Encode(value)}\"{Invalid(field)}>");
        }

        void Error(string field)
        {
            if (errors.TryGetValue(field, out var messages))
            {
                html.Append($"<span class=\"error\" id=\"{field}-error\">").Append(HtmlPage.Encode(FormErrorTexts.For(language, field, messages))).Append("</span>");
            }
        }

        string Invalid(string field) =>
            errors.ContainsKey(field) ? $" aria-invalid=\"true\" aria-describedby=\"{field}-error\"" : string.Empty;
    }

    public static ContentResult Receipt(OpenedCase opened, Customer customer)
    {
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(customer);
        var t = FormTexts.For(customer.Language);
        var body = $"""
            <p>{HtmlPage.Encode(t.ReceiptIntro)}</p>
            <p class="case" id="case-number">{HtmlPage.Encode(opened.CaseNumber.Value)}</p>
            <p>{HtmlPage.Encode(t.ReceiptMailSent(customer.Email))}</p>
            <p><a href="{HtmlPage.Encode(opened.StatusUrl)}">{HtmlPage.Encode(t.FollowCase)}</a></p>
            """;
        return HtmlPage.Render(StatusCodes.Status200OK, customer.Language, t.ReceiptTitle, body);
    }

    static string CountryFor(string language) => language switch
    {
        "sv" => "SE",
        "da" => "DK",
        "fi" => "FI",
        _ => "NO",
    };
}
