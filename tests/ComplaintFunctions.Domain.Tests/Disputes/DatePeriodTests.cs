using ComplaintFunctions.Domain.Disputes;

namespace ComplaintFunctions.Domain.Tests.Disputes;

public class DatePeriodTests
{
    [Theory]
    [InlineData("P1Y", 1, 0, 0, "one year")]
    [InlineData("P6M", 0, 6, 0, "6 months")]
    [InlineData("P2W", 0, 0, 14, "14 days")]
    [InlineData("p1y6m", 1, 6, 0, "one year and 6 months")]
    [InlineData("P2Y1M3D", 2, 1, 3, "2 years, one month and 3 days")]
    public void A_filing_period_is_read_from_ISO_8601_and_described_in_words(string text, int years, int months, int days, string words)
    {
        Assert.True(DatePeriod.TryParse(text, out var period));

        Assert.Equal(new DatePeriod(years, months, days), period);
        Assert.Equal(words, period.Describe());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("1Y")]
    [InlineData("P1")]
    [InlineData("PT12H")]
    [InlineData("P1M1Y")]
    [InlineData("P1Y1Y")]
    [InlineData("one year")]
    public void Anything_else_is_not_a_filing_period(string? text)
    {
        Assert.False(DatePeriod.TryParse(text, out _));
    }

    [Fact]
    public void One_year_from_the_first_complaint_ends_on_the_same_date_next_year()
    {
        Assert.Equal(new DateOnly(2027, 3, 1), new DatePeriod(1, 0, 0).From(new DateOnly(2026, 3, 1)));
        Assert.Equal(new DateOnly(2025, 2, 28), new DatePeriod(1, 0, 0).From(new DateOnly(2024, 2, 29)));
        Assert.Equal("P1Y", new DatePeriod(1, 0, 0).ToString());
    }
}
