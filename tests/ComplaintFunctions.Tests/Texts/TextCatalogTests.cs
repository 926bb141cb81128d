using ComplaintFunctions.Notifications;
using ComplaintFunctions.Reports;
using ComplaintFunctions.Texts;

namespace ComplaintFunctions.Tests.Texts;

/// <summary>The catalogue against a shipped file: the mails' words.</summary>
public sealed class TextCatalogTests
{
    const string Key = "Acknowledgement.Subject";

    [Fact]
    public void A_language_reads_its_own_file()
    {
        Assert.Equal("Vi har mottatt klagen din [{case}]", TextCatalog.Get(typeof(MailTexts), "nb", Key));
        Assert.Equal("Vi har tagit emot ditt klagomål [{case}]", TextCatalog.Get(typeof(MailTexts), "sv", Key));
        Assert.Equal("We have received your complaint [{case}]", TextCatalog.Get(typeof(MailTexts), "en", Key));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("de")]
    public void A_language_without_a_file_reads_English(string? language) =>
        Assert.Equal("We have received your complaint [{case}]", TextCatalog.Get(typeof(MailTexts), language, Key));

    [Fact]
    public void A_text_a_language_lacks_is_English_there()
    {
        // The team's mails are in nb and en only.
        Assert.Equal(TextCatalog.Get(typeof(MailTexts), "en", "StaffAssignment.Subject"), TextCatalog.Get(typeof(MailTexts), "sv", "StaffAssignment.Subject"));
        Assert.NotEqual(TextCatalog.Get(typeof(MailTexts), "en", "StaffAssignment.Subject"), TextCatalog.Get(typeof(MailTexts), "nb", "StaffAssignment.Subject"));
    }

    [Fact]
    public void A_missing_key_is_null_to_find_and_an_error_naming_it_to_get()
    {
        Assert.Null(TextCatalog.Find(typeof(MailTexts), "nb", "No such text"));
        var error = Assert.Throws<InvalidOperationException>(() => TextCatalog.Get(typeof(MailTexts), "nb", "No such text"));
        Assert.Contains("'No such text'", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(MailTexts), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Own_lists_only_what_a_language_file_holds()
    {
        Assert.Equal("Vi har mottatt klagen din [{case}]", TextCatalog.Own(typeof(MailTexts), "nb")[Key]);
        Assert.True(TextCatalog.Holds(typeof(MailTexts), "nb", "StaffAssignment.Subject"));
        Assert.False(TextCatalog.Holds(typeof(MailTexts), "sv", "StaffAssignment.Subject"));
        Assert.DoesNotContain("StaffAssignment.Subject", TextCatalog.Own(typeof(MailTexts), "sv").Keys);

        // The reports are staff's: no Swedish file at all.
        Assert.Empty(TextCatalog.Own(typeof(ReportTexts), "sv"));
        Assert.NotEmpty(TextCatalog.Own(typeof(ReportTexts), "nb"));
    }
}
