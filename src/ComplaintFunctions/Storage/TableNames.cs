namespace ComplaintFunctions.Storage;

/// <summary>The app's own tables; infra/ creates the same names in Azure.</summary>
public static class TableNames
{
    public const string Complaints = "complaints";
    public const string CaseEvents = "caseevents";
    public const string IdempotencyKeys = "idempotencykeys";
    public const string SentMail = "sentmail";
    public const string InboundMail = "inboundmail";
    public const string InboxReview = "inboxreview";
    public const string AutoMailCount = "automailcount";
    public const string CaseTexts = "casetexts";
    public const string UsedActionLinks = "usedactionlinks";
    public const string RoutineNotes = "routinenotes";
    public const string OpenCases = "opencases";
    public const string Repairs = "repairs";

    public static IReadOnlyList<string> All { get; } = [Complaints, CaseEvents, IdempotencyKeys, SentMail, InboundMail, InboxReview, AutoMailCount, CaseTexts, UsedActionLinks, RoutineNotes, OpenCases, Repairs];
}
