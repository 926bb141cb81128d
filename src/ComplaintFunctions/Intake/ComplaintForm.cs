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
        var chosenCategory = string.IsNullOrWhiteSpace(values.Category) ? "other" : values.Category;
        var country = values.Country ?? CountryFor(language);
        var model = new FormModel(
            t.Intro,
            errors.Count > 0 ? t.FixErrors : null,
            language,
            idempotencyKey,
            [
                Field("name", values.Name, "text", "name"),
                Field("email", values.Email, "email", "email"),
                Field("phone", values.Phone, "tel", "tel"),
                Field("orderNumber", values.OrderNumber, "text", "off"),
                Field("product", values.Product, "text", "off"),
                Field("manufacturer", values.Manufacturer, "text", "off"),
                Field("purchaseDate", values.PurchaseDate, "date", "off"),
                Field("deliveryDate", values.DeliveryDate, "date", "off"),
            ],
            Field("category", null),
            [.. ComplaintCategoryNames.All.Select(c => new FormChoice(c.ToWire(), t.Categories[c], string.Equals(c.ToWire(), chosenCategory, StringComparison.OrdinalIgnoreCase)))],
            Field("description", values.Description),
            ComplaintSubmissionRules.MaxDescriptionLength,
            Field("country", null),
            [.. Countries.Select(c => new FormChoice(c.Code, c.Name, string.Equals(c.Code, country, StringComparison.OrdinalIgnoreCase)))],
            t.Send,
            FormTexts.Languages);
        return HtmlPage.FromTemplate(status, language, t.Title, "intake/form", model);

        FormField Field(string field, string? value, string type = "text", string autocomplete = "off") =>
            new(field, t.Labels[field], type, autocomplete, value, errors.TryGetValue(field, out var messages) ? FormErrorTexts.For(language, field, messages) : null);
    }

    public static ContentResult Receipt(OpenedCase opened, Customer customer)
    {
        ArgumentNullException.ThrowIfNull(opened);
        ArgumentNullException.ThrowIfNull(customer);
        var t = FormTexts.For(customer.Language);
        return HtmlPage.FromTemplate(StatusCodes.Status200OK, customer.Language, t.ReceiptTitle, "intake/receipt",
            new ReceiptModel(t.ReceiptIntro, opened.CaseNumber.Value, t.ReceiptMailSent(customer.Email), opened.StatusUrl, t.FollowCase));
    }

    // Each country by its own name, as its customers write it.
    static readonly (string Code, string Name)[] Countries = [("NO", "Norge"), ("SE", "Sverige"), ("DK", "Danmark"), ("FI", "Suomi")];

    static string CountryFor(string language) => language switch
    {
        "sv" => "SE",
        "da" => "DK",
        "fi" => "FI",
        _ => "NO",
    };

    /// <param name="FixErrors">The line above the form after a failed post, else null.</param>
    sealed record FormModel(
        string Intro,
        string? FixErrors,
        string Language,
        string IdempotencyKey,
        IReadOnlyList<FormField> Inputs,
        FormField Category,
        IReadOnlyList<FormChoice> Categories,
        FormField Description,
        int DescriptionMaxLength,
        FormField Country,
        IReadOnlyList<FormChoice> Countries,
        string Send,
        IReadOnlyList<string> Languages) : IPageModel;

    /// <param name="Error">What is wrong with what was typed, in the customer's language, or null.</param>
    sealed record FormField(string Name, string Label, string Type, string Autocomplete, string? Value, string? Error) : IPageModel;

    sealed record FormChoice(string Value, string Label, bool Chosen) : IPageModel;

    sealed record ReceiptModel(string Intro, string CaseNumber, string MailSent, string StatusUrl, string FollowCase) : IPageModel;
}
