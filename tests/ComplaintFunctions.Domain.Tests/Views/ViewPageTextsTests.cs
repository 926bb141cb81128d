using ComplaintFunctions.Domain.Complaints;
using ComplaintFunctions.Views;

namespace ComplaintFunctions.Domain.Tests.Views;

public class ViewPageTextsTests
{
    public static TheoryData<string> StaffLanguages => new(ViewPageTexts.Languages);

    [Theory]
    [MemberData(nameof(StaffLanguages))]
    public void Every_text_of_the_view_pages_is_there_in_each_staff_language(string language)
    {
        var texts = ViewPageTexts.For(language);

        Assert.Equal(language, texts.Language);
        foreach (var property in typeof(ViewPageTexts).GetProperties().Where(p => p.PropertyType == typeof(string)))
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)property.GetValue(texts)), $"{language} has no {property.Name}");
        }

        foreach (var stage in CaseStageNames.All)
        {
            Assert.True(texts.Stages.TryGetValue(stage, out var words) && !string.IsNullOrWhiteSpace(words), $"{language} has no words for the stage {stage}");
        }

        Assert.Contains("{case}", texts.CaseTitle, StringComparison.Ordinal);
    }

    [Fact]
    public void The_languages_differ_and_an_unknown_staff_language_reads_English()
    {
        Assert.NotEqual(ViewPageTexts.For("nb").Expired, ViewPageTexts.For("en").Expired);
        Assert.Same(ViewPageTexts.For("en"), ViewPageTexts.For("sv"));
    }
}
