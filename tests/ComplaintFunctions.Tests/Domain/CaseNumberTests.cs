using System.Collections.Concurrent;
using ComplaintFunctions.Domain.Complaints;

namespace ComplaintFunctions.Tests.Domain;

public class CaseNumberTests
{
    [Fact]
    public void A_case_number_reads_as_digits_in_groups_and_parses_back()
    {
        var number = CaseNumber.New();

        Assert.Matches(@"^K-\d{4}-\d{4}-\d{3}$", number.Value);
        Assert.Equal(number, CaseNumber.Parse(number.Value));
    }

    [Fact]
    public void A_case_number_said_over_the_phone_without_dashes_or_in_lower_case_is_understood()
    {
        var number = CaseNumber.New();
        var spoken = "k " + number.Digits[..4] + " " + number.Digits[4..];

        Assert.True(CaseNumber.TryParse(spoken, out var heard));
        Assert.Equal(number, heard);
    }

    [Fact]
    public void Every_single_wrong_digit_and_every_swap_of_neighbours_is_caught()
    {
        for (var round = 0; round < 200; round++)
        {
            var digits = CaseNumber.New().Digits.ToCharArray();
            for (var i = 0; i < digits.Length; i++)
            {
                for (var d = '0'; d <= '9'; d++)
                {
                    if (d == digits[i])
                    {
                        continue;
                    }

                    var typo = (char[])digits.Clone();
                    typo[i] = d;
                    Assert.False(CaseNumber.TryParse(new string(typo), out _), $"typo at {i} passed");
                }

                if (i + 1 < digits.Length && digits[i] != digits[i + 1])
                {
                    var swapped = (char[])digits.Clone();
                    (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
                    Assert.False(CaseNumber.TryParse(new string(swapped), out _), $"swap at {i} passed");
                }
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("K-1234")]
    [InlineData("K-1234-5678-90a")]
    [InlineData("<script>")]
    public void Text_that_is_not_a_case_number_is_refused(string text) =>
        Assert.False(CaseNumber.TryParse(text, out _));

    [Fact]
    public void Case_numbers_drawn_concurrently_are_distinct_and_not_sequential()
    {
        var drawn = new ConcurrentBag<CaseNumber>();
        Parallel.For(0, 20_000, _ => drawn.Add(CaseNumber.New()));

        Assert.Equal(drawn.Count, drawn.Distinct().Count());
        var sorted = drawn.Select(n => long.Parse(n.Digits[..10], System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray();
        Assert.True(sorted[^1] - sorted[0] > 9_000_000_000L / 2, "numbers should spread over the whole range");
    }

    [Fact]
    public void A_number_from_a_seed_is_the_same_for_the_same_seed_and_reads_back_with_its_check_digit()
    {
        var seed = System.Security.Cryptography.SHA256.HashData("web|retry-1"u8);
        var first = CaseNumber.FromSeed(seed);

        Assert.Equal(first, CaseNumber.FromSeed(seed));
        Assert.NotEqual(first, CaseNumber.FromSeed(System.Security.Cryptography.SHA256.HashData("web|retry-2"u8)));
        Assert.True(CaseNumber.TryParse(first.Value, out var read));
        Assert.Equal(first, read);
        Assert.True(CaseNumber.TryParse(CaseNumber.FromSeed(new byte[8]).Value, out _), "a seed of zeros gives a valid number too");
    }
}
