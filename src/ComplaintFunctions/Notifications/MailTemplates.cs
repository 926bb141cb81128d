using System.Text.RegularExpressions;

namespace ComplaintFunctions.Notifications;

/// <summary>Every kind of mail the pipeline sends. Stored with open cases: new kinds go at the end, with their value written out.</summary>
public enum MailKind
{
    Acknowledgement,
    Progress,
    ManufacturerSupport,
    AgentAnswer,
    AgentQuestion,
    FinalAnswer,
    ClosedAccepted,
    ClosedSolved,
    ClosedNoReply,
    OmbudsmanHandover,
    OmbudsmanDecision,
    ClosedDecisionAccepted,
    BodyFiledCustomer,
    BodyOutcomeCustomer,
    ComplianceDone,
    StaffAssignment,
    StaffReminder,
    StaffEscalation,
    StaffCustomerReplied,
    StaffApprovalRequest,
    StaffSentBack,
    OmbudsmanCaseFile,
    OmbudsmanReminder,
    OmbudsmanEscalation,
    BodyFilingNotice,
    BodyReminder,
    ComplianceRequest,
    ComplianceEscalation,

    /// <summary>To the customer: the ombudsman decided and referred the case to a body at once.</summary>
    OmbudsmanReferral = 28,

    /// <summary>To the team: a case back from the manufacturer's support (the customer still needs help).</summary>
    StaffManufacturerReturn = 29,
}

/// <summary>Who a kind of mail goes to and who it comes from.</summary>
public static class MailKinds
{
    /// <summary>Mails to staff, in the team's language; the rest go to the customer, in theirs.</summary>
    public static bool ToStaff(MailKind kind) => kind >= MailKind.StaffAssignment && kind != MailKind.OmbudsmanReferral;

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
