using System.Text.RegularExpressions;

namespace ComplaintFunctions.Notifications;

/// <summary>
/// The kinds of mail. Persisted by name in open cases (mail orders, failures) and part of every mail's
/// id: names and numbers are fixed; add new kinds at the end with the next number.
/// </summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<MailKind>))]
public enum MailKind
{
    Acknowledgement = 0,
    Progress = 1,
    ManufacturerSupport = 2,
    AgentAnswer = 3,
    AgentQuestion = 4,
    FinalAnswer = 5,
    ClosedAccepted = 6,
    ClosedSolved = 7,
    ClosedNoReply = 8,
    OmbudsmanHandover = 9,
    OmbudsmanDecision = 10,
    ClosedDecisionAccepted = 11,
    BodyFiledCustomer = 12,
    BodyOutcomeCustomer = 13,
    ComplianceDone = 14,
    StaffAssignment = 15,
    StaffReminder = 16,
    StaffEscalation = 17,
    StaffCustomerReplied = 18,
    StaffApprovalRequest = 19,
    StaffSentBack = 20,
    OmbudsmanCaseFile = 21,
    OmbudsmanReminder = 22,
    OmbudsmanEscalation = 23,
    BodyFilingNotice = 24,
    BodyReminder = 25,
    ComplianceRequest = 26,
    ComplianceEscalation = 27,

    /// <summary>To the customer: the ombudsman decided and referred the case to a body at once.</summary>
    OmbudsmanReferral = 28,

    /// <summary>To the team: a case back from the manufacturer's support (the customer still needs help).</summary>
    StaffManufacturerReturn = 29,

    /// <summary>To the team: the complaint refused a step, or an input could not be read; nothing went to the customer.</summary>
    StaffStepRefused = 30,

    /// <summary>To the team lead: a later stage's orchestration failed, with a link to run it again.</summary>
    StaffStageFailed = 31,

    /// <summary>To the team: the customer withdrew the complaint.</summary>
    StaffWithdrawn = 32,

    /// <summary>To the customer: their withdrawal is done and the case is closed.</summary>
    ClosedWithdrawn = 33,

    /// <summary>To the customer: staff reopened their closed case.</summary>
    CaseReopened = 34,

    /// <summary>To the team: a closed case was reopened and an answer is owed.</summary>
    StaffReopened = 35,

    /// <summary>To the customer: this case was a duplicate and goes on in their other case.</summary>
    ClosedMerged = 36,

    /// <summary>To the team: a case that waited with the manufacturer's support is the team's after staff corrected its category.</summary>
    StaffTakenBack = 37,

    /// <summary>To the dispute contact: the retailer's reply to the external body is due soon, with a link to record it.</summary>
    BodyReplyReminder = 38,

    /// <summary>To management: the reply to the external body was due and is not recorded (the body may count silence as a refusal).</summary>
    BodyReplyEscalation = 39,
}

/// <summary>Who a kind of mail goes to and who it comes from.</summary>
public static class MailKinds
{
    /// <summary>Mails to staff, in the team's language; the rest go to the customer, in theirs.</summary>
    public static bool ToStaff(MailKind kind) => kind switch
    {
        MailKind.StaffAssignment or MailKind.StaffReminder or MailKind.StaffEscalation or MailKind.StaffCustomerReplied
            or MailKind.StaffApprovalRequest or MailKind.StaffSentBack or MailKind.OmbudsmanCaseFile or MailKind.OmbudsmanReminder
            or MailKind.OmbudsmanEscalation or MailKind.BodyFilingNotice or MailKind.BodyReminder or MailKind.ComplianceRequest
            or MailKind.ComplianceEscalation or MailKind.StaffManufacturerReturn or MailKind.StaffStepRefused or MailKind.StaffStageFailed
            or MailKind.StaffWithdrawn or MailKind.StaffReopened or MailKind.StaffTakenBack or MailKind.BodyReplyReminder or MailKind.BodyReplyEscalation => true,
        _ => false,
    };

    /// <summary>The independent customer ombudsman's own mails to the customer: signed by and sent from the ombudsman.</summary>
    public static bool FromOmbudsman(MailKind kind) => kind is MailKind.OmbudsmanDecision or MailKind.OmbudsmanReferral;
}

/// <summary>A mail's words: a subject and paragraphs, with {placeholders} filled from the case.</summary>
public sealed partial record MailTemplate(string Subject, params string[] Paragraphs)
{
    public (string Subject, MailBody Body) Fill(IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var body = new MailBody();
        foreach (var paragraph in Paragraphs)
        {
            var filled = Replace(paragraph, values);
            if (filled.Length > 0)
            {
                body.Paragraph(filled);
            }
        }

        return (Replace(Subject, values), body);
    }

    // A paragraph whose placeholders are all empty or unknown is left out, so optional parts (and
    // links a recipient is not given) need no second template. One pass over the template's own
    // placeholders: a value that happens to contain "{...}" is never filled in again.
    static string Replace(string text, IReadOnlyDictionary<string, string?> values)
    {
        var anyEmpty = false;
        var anyFilled = false;
        var result = Placeholder().Replace(text, match =>
        {
            var value = values.GetValueOrDefault(match.Groups["name"].Value);
            if (string.IsNullOrEmpty(value))
            {
                anyEmpty = true;
                return string.Empty;
            }

            anyFilled = true;
            return value;
        });

        return anyEmpty && !anyFilled ? string.Empty : result;
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z][A-Za-z0-9]*)\}")]
    private static partial Regex Placeholder();
}
