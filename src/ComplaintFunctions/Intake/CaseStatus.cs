using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ComplaintFunctions.Intake;

/// <summary>What a customer may see of their case.</summary>
public sealed record CaseStatus(
    string CaseNumber,
    string Stage,
    string StageDescription,
    string WhatHappensNext,
    string Category,
    string Channel,
    DateTimeOffset OpenedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt)
{
    public static CaseStatus Of(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return new CaseStatus(
            complaint.CaseNumber.Value,
            complaint.Stage.ToWire(),
            complaint.Stage.Describe(),
            StatusTexts.For("en", complaint.Stage).Next,
            complaint.Details.Category.ToWire(),
            complaint.Channel.ToWire(),
            complaint.OpenedAt,
            complaint.UpdatedAt,
            complaint.ClosedAt);
    }

    /// <param name="withdrawUrl">Where an open case can be withdrawn (the status link's token), or null.</param>
    /// <param name="country">The customer's country: times are shown in its time zone, with the offset.</param>
    public static ContentResult Page(CaseStatus status, string language, Country country, string? withdrawUrl = null)
    {
        ArgumentNullException.ThrowIfNull(status);
        _ = CaseStageNames.TryParse(status.Stage, out var stage);
        var t = StatusTexts.For(language, stage);
        var withdraw = withdrawUrl is not null && stage != CaseStage.Closed ? withdrawUrl : null;
        return HtmlPage.FromTemplate(StatusCodes.Status200OK, language, t.Title, "intake/status", new StatusModel(
            status.CaseNumber, t.Stage, t.Next, t.Reported, Local(status.OpenedAt, country), t.LastChange, Local(status.UpdatedAt, country), withdraw, WithdrawalTexts.For(language).Link));
    }

    /// <summary>A time as the customer reads it: in their country's zone, with its offset from UTC.</summary>
    static string Local(DateTimeOffset at, Country country)
    {
        var local = TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(ComplaintFunctions.Domain.Service.BusinessHoursOptions.DefaultTimeZone(country)));
        return local.ToString("yyyy-MM-dd HH:mm '(UTC'zzz')'", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <param name="WithdrawUrl">Where the customer can withdraw the case, or null when it is closed or the page has no link.</param>
    sealed record StatusModel(string CaseNumber, string Stage, string Next, string Reported, string OpenedAt, string LastChange, string UpdatedAt, string? WithdrawUrl, string Withdraw) : IPageModel;
}
