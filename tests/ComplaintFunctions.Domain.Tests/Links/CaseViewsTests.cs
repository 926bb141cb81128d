using ComplaintFunctions.Links;

namespace ComplaintFunctions.Domain.Tests.Links;

public class CaseViewsTests
{
    static readonly string[] AllRoles =
        [ActionRoles.Agent, ActionRoles.TeamLead, ActionRoles.Customer, ActionRoles.Ombudsman, ActionRoles.DisputeContact, ActionRoles.Management];

    [Fact]
    public void Only_the_ombudsman_may_see_the_ombudsmans_case_file()
    {
        var view = CaseViews.CaseFileFor(CaseViews.ForOmbudsman);

        Assert.Equal([ActionRoles.Ombudsman], AllRoles.Where(role => CaseViews.MaySee(view, role)));
    }

    [Fact]
    public void A_bodys_case_file_is_for_the_staff_told_of_the_filing_and_management()
    {
        var view = CaseViews.CaseFileFor("no-forbrukertilsynet");

        Assert.Equal(
            [ActionRoles.TeamLead, ActionRoles.Ombudsman, ActionRoles.DisputeContact, ActionRoles.Management],
            AllRoles.Where(role => CaseViews.MaySee(view, role)));
    }

    [Fact]
    public void The_case_and_its_trail_are_for_the_team_lead_and_management()
    {
        Assert.Equal([ActionRoles.TeamLead, ActionRoles.Management], AllRoles.Where(role => CaseViews.MaySee(CaseViews.Case, role)));
    }

    [Theory]
    [InlineData("case-file:")]
    [InlineData("case-files:ombudsman")]
    [InlineData("trail")]
    public void An_unknown_view_is_seen_by_nobody(string view)
    {
        Assert.DoesNotContain(AllRoles, role => CaseViews.MaySee(view, role));
    }

    [Fact]
    public void A_case_file_view_names_whom_the_file_is_for()
    {
        Assert.Equal("fi-kril", CaseViews.CaseFileOf(CaseViews.CaseFileFor("fi-kril")));
        Assert.Null(CaseViews.CaseFileOf(CaseViews.Case));
    }
}
