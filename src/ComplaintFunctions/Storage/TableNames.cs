namespace ComplaintFunctions.Storage;

/// <summary>The app's own tables; infra/ creates the same names in Azure.</summary>
public static class TableNames
{
    public const string Complaints = "complaints";
    public const string CaseEvents = "caseevents";
    public const string IdempotencyKeys = "idempotencykeys";
    public const string SentMail = "sentmail";

    public static IReadOnlyList<string> All { get; } = [Complaints, CaseEvents, IdempotencyKeys, SentMail];
}
