using ComplaintFunctions.Texts;

namespace ComplaintFunctions.Tests.Texts;

public sealed class TextCatalogTests
{
    [Fact]
    public void A_language_reads_its_own_file_and_falls_back_to_English()
    {
        Assert.Equal("Prøve", TextCatalog.Get(typeof(TextCatalog), "nb", "Probe"));
        Assert.Equal("Probe", TextCatalog.Get(typeof(TextCatalog), "en", "Probe"));
        Assert.Equal("Probe", TextCatalog.Get(typeof(TextCatalog), "sv", "Probe"));
        Assert.Null(TextCatalog.Find(typeof(TextCatalog), "nb", "No such text"));
    }

    [Fact]
    public void Own_lists_only_what_a_language_file_holds()
    {
        Assert.Equal("Prøve", TextCatalog.Own(typeof(TextCatalog), "nb")["Probe"]);
        Assert.Empty(TextCatalog.Own(typeof(TextCatalog), "sv"));
    }
}
