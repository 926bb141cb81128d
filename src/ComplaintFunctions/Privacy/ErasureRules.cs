using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Storage;

namespace ComplaintFunctions.Privacy;

/// <summary>Why a case's personal data may not be erased now.</summary>
public enum ErasureRefusal
{
    /// <summary>It may be erased.</summary>
    None,

    /// <summary>The case is open: someone is handling it, and it needs who the customer is and what they wrote.</summary>
    Open,

    /// <summary>An external dispute body has the case (its stage, or its dispute not yet ended): the retailer must be able to answer it.</summary>
    ExternalBody,

    /// <summary>A team lead or management put it under a legal hold.</summary>
    LegalHold,
}

/// <summary>When a case's personal data may be erased, and when retention erases it: plain rules, tested without a host.</summary>
public static class ErasureRules
{
    /// <param name="disputeStillOpen">An external body's handling of the case still runs (its orchestration), whatever the stage says.</param>
    public static ErasureRefusal RefusalFor(CaseOnTheList row, bool disputeStillOpen)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.LegalHold)
        {
            return ErasureRefusal.LegalHold;
        }

        if (row.Complaint.Stage == CaseStage.ExternalBody || disputeStillOpen)
        {
            return ErasureRefusal.ExternalBody;
        }

        return row.Complaint.Stage == CaseStage.Closed ? ErasureRefusal.None : ErasureRefusal.Open;
    }

    /// <summary>Whether retention erases the case at <paramref name="now"/>: closed, not erased, and its country's period since the close is over.</summary>
    public static bool IsDue(CaseOnTheList row, RetentionOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(options);
        return !row.Erased
            && row.Complaint.Stage == CaseStage.Closed
            && row.Complaint.ClosedAt is { } closedAt
            && now - closedAt >= options.PeriodFor(row.Complaint.Details.Customer.Country);
    }

    /// <summary>The refusal in English, as the trail and the logs say it.</summary>
    public static string Describe(ErasureRefusal refusal) => refusal switch
    {
        ErasureRefusal.Open => "the case is open and being handled",
        ErasureRefusal.ExternalBody => "an external dispute body still has the case",
        ErasureRefusal.LegalHold => "the case is under a legal hold",
        _ => "nothing stands in the way",
    };
}
