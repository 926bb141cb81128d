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
            NextStep(complaint.Stage),
            complaint.Details.Category.ToWire(),
            complaint.Channel.ToWire(),
            complaint.OpenedAt,
            complaint.UpdatedAt,
            complaint.ClosedAt);
    }

    public static ContentResult Page(CaseStatus status, string language)
    {
        ArgumentNullException.ThrowIfNull(status);
        _ = CaseStageNames.TryParse(status.Stage, out var stage);
        var t = StatusTexts.For(language, stage);
        var body = $"""
            <p class="case" id="case-number">{HtmlPage.Encode(status.CaseNumber)}</p>
            <p id="stage">{HtmlPage.Encode(t.Stage)}</p>
            <p>{HtmlPage.Encode(t.Next)}</p>
            <p>{HtmlPage.Encode(t.Reported)} {status.OpenedAt:yyyy-MM-dd HH:mm} UTC · {HtmlPage.Encode(t.LastChange)} {status.UpdatedAt:yyyy-MM-dd HH:mm} UTC</p>
            """;
        return HtmlPage.Render(StatusCodes.Status200OK, language, t.Title, body);
    }

    static string NextStep(CaseStage stage) => stage switch
    {
        CaseStage.CustomerService => "Customer service is looking at your complaint and will answer you by mail. If it takes time, we will write to you on the way.",
        CaseStage.WaitingForCustomer => "We are waiting for an answer from you: see our latest mail.",
        CaseStage.FinalAnswer => "Customer service has given its final answer. Accept it, or ask the independent customer ombudsman to review the case, with the links in that mail.",
        CaseStage.OmbudsmanReview => "The customer ombudsman, who works independently of customer service, is reviewing your case and will write to you with a decision.",
        CaseStage.ExternalBody => "Your case is with a national consumer dispute body. We take part and will follow its recommendation.",
        CaseStage.Closed => "The case is closed. If something is still wrong, contact customer service with your case number.",
        _ => string.Empty,
    };
}
