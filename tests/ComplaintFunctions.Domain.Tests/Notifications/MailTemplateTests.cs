using ComplaintFunctions.Notifications;

namespace ComplaintFunctions.Domain.Tests.Notifications;

public class MailTemplateTests
{
    static readonly MailTemplate Notice = new("{case} goes to {body}",
        "Case {case} is going to {body}.",
        "When the body's outcome comes, record it here: {outcomeUrl}",
        "Note: {note}");

    [Fact]
    public void A_paragraph_with_a_link_the_recipient_is_not_given_is_left_out()
    {
        var (subject, body) = Notice.Fill(new Dictionary<string, string?> { ["case"] = "K-1", ["body"] = "Forbrukertilsynet", ["note"] = null });

        Assert.Equal("K-1 goes to Forbrukertilsynet", subject);
        Assert.Equal("Case K-1 is going to Forbrukertilsynet.\n", body.Text);
    }

    [Fact]
    public void A_value_that_looks_like_a_placeholder_is_not_filled_again()
    {
        var (_, body) = Notice.Fill(new Dictionary<string, string?> { ["case"] = "K-1", ["body"] = "{outcomeUrl}", ["outcomeUrl"] = "https://example.no/a" });

        Assert.StartsWith("Case K-1 is going to {outcomeUrl}.\n\nWhen the body's outcome comes, record it here: https://example.no/a\n", body.Text, StringComparison.Ordinal);
    }
}
