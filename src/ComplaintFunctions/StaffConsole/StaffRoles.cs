using ComplaintFunctions.Links;

namespace ComplaintFunctions.StaffConsole;

/// <summary>
/// The console's app roles, as the values of the app registration's roles (the <c>roles</c> claim of an
/// Entra ID token). They are the roles the action links already name, so one step has one list of who may take it.
/// </summary>
public static class StaffRoles
{
    public static IReadOnlyList<string> All { get; } =
        [ActionRoles.Agent, ActionRoles.TeamLead, ActionRoles.Ombudsman, ActionRoles.DisputeContact, ActionRoles.Management];

    /// <summary>The roles of the retailer's own people: the ombudsman is independent of all of them.</summary>
    public static bool IsRetailerRole(string role) => role is ActionRoles.Agent or ActionRoles.TeamLead or ActionRoles.DisputeContact or ActionRoles.Management;
}

/// <summary>A signed-in person: who (the directory's object id, a name), and the roles the directory gave them.</summary>
public sealed record StaffPerson(string Id, string Name, string UserName, IReadOnlyList<string> Roles)
{
    public bool Has(string role) => Roles.Contains(role, StringComparer.Ordinal);

    /// <summary>How the trail names this person acting in <paramref name="role"/>: the role and the person.</summary>
    public string ActorAs(string role) => $"{role}:{Name}";
}
