namespace ComplaintFunctions.StaffConsole;

/// <summary>The staff console and its sign-in (section <c>Console</c>).</summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    /// <summary>
    /// The OpenID Connect authority people sign in at: in Azure, Microsoft Entra ID,
    /// <c>https://login.microsoftonline.com/{tenant id}/v2.0</c>; on the local runner, its stand-in. Unset: the console says it is not set up.
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>The console's app registration (its application id); ID tokens must be for it.</summary>
    public string? ClientId { get; set; }

    /// <summary>How long a sign-in lasts before the console asks again.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How often the open-case list is checked against the cases (0 turns the sweep off).</summary>
    public TimeSpan ListSweepEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long after it closed staff may reopen a case (the customer comes back about the same problem); later, a new complaint opens a new case.</summary>
    public TimeSpan ReopenWithin { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A text longer than this (an answer, a note) is refused on the form rather than cut.</summary>
    public int MaxTextLength { get; set; } = 10_000;
}
