namespace ComplaintFunctions.Notifications;

/// <summary>Every kind of mail the pipeline sends.</summary>
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
}

/// <summary>A mail's words: a subject and paragraphs, with {placeholders} filled from the case.</summary>
public sealed record MailTemplate(string Subject, params string[] Paragraphs)
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

    // A paragraph whose placeholders are all empty is left out, so optional parts need no second template.
    static string Replace(string text, IReadOnlyDictionary<string, string?> values)
    {
        var result = text;
        var anyEmpty = false;
        var anyFilled = false;
        foreach (var (key, value) in values)
        {
            var token = "{" + key + "}";
            if (!result.Contains(token, StringComparison.Ordinal))
            {
                continue;
            }

            if (string.IsNullOrEmpty(value))
            {
                anyEmpty = true;
            }
            else
            {
                anyFilled = true;
            }

            result = result.Replace(token, value ?? string.Empty, StringComparison.Ordinal);
        }

        return anyEmpty && !anyFilled ? string.Empty : result;
    }
}
