using System.Globalization;
using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Http;
using ComplaintFunctions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintFunctions.Views;

/// <summary>The case as staff read it from a view link (<c>Templates/views/case-summary.liquid</c>): what the customer reported, where the case is, and its audit trail.</summary>
public static class CaseSummaryPage
{
    public static ContentResult Render(Complaint complaint, IReadOnlyList<CaseEvent> trail, ViewPageTexts texts)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(trail);
        ArgumentNullException.ThrowIfNull(texts);
        var d = complaint.Details;
        var customer = string.IsNullOrWhiteSpace(d.Customer.Name) ? d.Customer.Email : $"{d.Customer.Name} <{d.Customer.Email}>";
        var model = new SummaryModel(
            complaint.CaseNumber.Value,
            texts.ReadOnly,
            [
                new(texts.Stage, texts.Stages[complaint.Stage]),
                new(texts.Customer, customer),
                new(texts.Category, d.Category.StaffName(texts.Language)),
                new(texts.Channel, complaint.Channel.ToWire()),
                new(texts.Country, d.Customer.Country.ToString()),
                new(texts.Product, d.Purchase.Product ?? "-"),
                new(texts.Reported, Time(complaint.OpenedAt)),
                new(texts.LastChange, Time(complaint.UpdatedAt)),
            ],
            texts.Description,
            d.Description,
            texts.Trail,
            texts.When,
            texts.Who,
            texts.Through,
            texts.What,
            [.. trail.Select(e => new TrailRow(Time(e.OccurredAt), e.Actor, e.Channel, e.Summary))]);
        var title = texts.CaseTitle.Replace("{case}", complaint.CaseNumber.Value, StringComparison.Ordinal);
        return HtmlPage.FromTemplate(StatusCodes.Status200OK, texts.Language, title, "views/case-summary", model);
    }

    static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    sealed record SummaryModel(
        string CaseNumber,
        string ReadOnly,
        IReadOnlyList<SummaryRow> Summary,
        string DescriptionHeading,
        string Description,
        string TrailHeading,
        string When,
        string Who,
        string Through,
        string What,
        IReadOnlyList<TrailRow> Trail) : IPageModel;

    sealed record SummaryRow(string Name, string Value) : IPageModel;

    sealed record TrailRow(string When, string Who, string Through, string What) : IPageModel;
}
