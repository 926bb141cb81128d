namespace ComplaintFunctions.Links;

/// <summary>
/// What a view link can show, and to whom: the case with its trail (for the team lead and
/// management, who hear of a missed deadline), or a case file prepared for the ombudsman or for an
/// external body. The ombudsman's case file is the ombudsman's alone: the review is independent of
/// customer service and of management.
/// </summary>
public static class CaseViews
{
    /// <summary>The case's summary and its audit trail.</summary>
    public const string Case = "case";

    /// <summary>Whom the ombudsman's case file is prepared for (a body's case file goes by the body's id).</summary>
    public const string ForOmbudsman = "ombudsman";

    const string CaseFilePrefix = "case-file:";

    /// <summary>The case file prepared for <paramref name="forWhom"/>: <c>ombudsman</c> or a body's id.</summary>
    public static string CaseFileFor(string forWhom)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(forWhom);
        return CaseFilePrefix + forWhom;
    }

    /// <summary>Whom the case file of <paramref name="view"/> was prepared for, or null when the view is not a case file.</summary>
    public static string? CaseFileOf(string view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.StartsWith(CaseFilePrefix, StringComparison.Ordinal) && view.Length > CaseFilePrefix.Length ? view[CaseFilePrefix.Length..] : null;
    }

    public static bool MaySee(string view, string role)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (view == Case)
        {
            return role is ActionRoles.TeamLead or ActionRoles.Management;
        }

        return CaseFileOf(view) switch
        {
            null => false,
            ForOmbudsman => role == ActionRoles.Ombudsman,
            _ => role is ActionRoles.DisputeContact or ActionRoles.Ombudsman or ActionRoles.TeamLead or ActionRoles.Management,
        };
    }
}
