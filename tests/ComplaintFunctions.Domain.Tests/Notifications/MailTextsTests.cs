using ComplaintFunctions.Notifications;

namespace ComplaintFunctions.Domain.Tests.Notifications;

/// <summary>Every mail in every language its readers are served in, signed by whoever sends it.</summary>
public class MailTextsTests
{
    static readonly string[] CustomerLanguages = ["nb", "sv", "da", "fi"];

    // The team's mails are in nb and en. The mails of the later stages to the ombudsman, the dispute
    // contact and management have English words only so far, so they are not checked here.
    public static TheoryData<MailKind> CustomerAndTeamKinds => new(Enum.GetValues<MailKind>().Where(k => !MailKinds.ToStaff(k) || k.ToString().StartsWith("Staff", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(CustomerAndTeamKinds))]
    public void A_mail_has_its_own_words_in_every_language_its_reader_may_have(MailKind kind)
    {
        var english = MailTexts.For(kind, "en");
        string[] languages = MailKinds.ToStaff(kind) ? ["nb"] : CustomerLanguages;
        foreach (var language in languages)
        {
            // A missing template falls back to English: the same object.
            Assert.False(ReferenceEquals(english, MailTexts.For(kind, language)), $"{kind} has no {language} text.");
        }
    }

    [Theory]
    [InlineData("en", "The customer ombudsman")]
    [InlineData("nb", "Kundeombudsmannen")]
    [InlineData("sv", "Kundombudsmannen")]
    [InlineData("da", "Kundeombudsmanden")]
    [InlineData("fi", "Asiakasasiamies")]
    public void The_ombudsman_signs_the_ombudsmans_mails(string language, string signature)
    {
        foreach (var kind in Enum.GetValues<MailKind>().Where(MailKinds.FromOmbudsman))
        {
            Assert.EndsWith("\n" + signature, MailTexts.For(kind, language).Paragraphs[^1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_referral_and_the_return_from_the_manufacturer_are_new_kinds_after_the_stored_ones()
    {
        Assert.Equal(27, (int)MailKind.ComplianceEscalation);
        Assert.Equal(28, (int)MailKind.OmbudsmanReferral);
        Assert.Equal(29, (int)MailKind.StaffManufacturerReturn);
        Assert.False(MailKinds.ToStaff(MailKind.OmbudsmanReferral));
        Assert.True(MailKinds.ToStaff(MailKind.StaffManufacturerReturn));
    }

    [Fact]
    public void The_reply_clock_s_mails_to_the_dispute_contact_and_management_are_new_staff_kinds_in_en_and_nb()
    {
        Assert.Equal(38, (int)MailKind.BodyReplyReminder);
        Assert.Equal(39, (int)MailKind.BodyReplyEscalation);
        foreach (var kind in new[] { MailKind.BodyReplyReminder, MailKind.BodyReplyEscalation })
        {
            Assert.True(MailKinds.ToStaff(kind));
            Assert.False(ReferenceEquals(MailTexts.For(kind, "en"), MailTexts.For(kind, "nb")), $"{kind} has no nb text.");
        }
    }

    [Theory]
    [InlineData("en", "within 14 days of delivery")]
    [InlineData("nb", "innen 14 dager etter levering")]
    [InlineData("sv", "inom 14 dagar från leveransen")]
    [InlineData("da", "inden for 14 dage efter leveringen")]
    [InlineData("fi", "14 päivän kuluessa toimituksesta")]
    public void The_acknowledgement_of_a_product_dead_on_arrival_gives_the_exchange_window(string language, string window)
    {
        var template = MailTexts.For(MailKind.Acknowledgement, language);
        var (_, doa) = template.Fill(new Dictionary<string, string?> { ["case"] = "K-1", ["doaDays"] = "14" });
        var (_, other) = template.Fill(new Dictionary<string, string?> { ["case"] = "K-1" });

        Assert.Contains(window, doa.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(window, other.Text, StringComparison.Ordinal);
    }
}
