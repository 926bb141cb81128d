using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace ComplaintFunctions.Domain.Complaints;

/// <summary>
/// A case number such as <c>K-4821-7730-524</c>: ten random digits and a Damm check digit.
/// Digits only, because customers read it out over the phone in five languages; random, so
/// nobody can guess a neighbour's case; the check digit catches every single wrong digit and
/// every swap of two neighbours. Uniqueness is enforced where cases are stored (insert, and
/// draw again on conflict), since a random draw alone cannot promise it.
/// </summary>
public readonly record struct CaseNumber
{
    const int RandomDigits = 10;

    // Damm's quasigroup of order 10 (totally anti-symmetric), the standard published table.
    static readonly byte[,] DammTable =
    {
        { 0, 3, 1, 7, 5, 9, 8, 6, 4, 2 },
        { 7, 0, 9, 2, 1, 5, 4, 8, 6, 3 },
        { 4, 2, 0, 6, 8, 7, 1, 3, 5, 9 },
        { 1, 7, 5, 0, 9, 8, 3, 4, 2, 6 },
        { 6, 1, 2, 3, 0, 4, 5, 9, 7, 8 },
        { 3, 6, 7, 4, 2, 0, 9, 5, 8, 1 },
        { 5, 8, 6, 9, 7, 2, 0, 1, 3, 4 },
        { 8, 9, 4, 5, 3, 6, 2, 0, 1, 7 },
        { 9, 4, 3, 8, 6, 1, 7, 2, 0, 5 },
        { 2, 5, 8, 1, 4, 3, 6, 7, 9, 0 },
    };

    CaseNumber(string digits) => Digits = digits;

    /// <summary>The eleven digits, check digit last.</summary>
    public string Digits { get; }

    public string Value => $"K-{Digits[..4]}-{Digits[4..8]}-{Digits[8..]}";

    public override string ToString() => Value;

    /// <summary>A fresh random case number from a cryptographic source.</summary>
    public static CaseNumber New()
    {
        Span<char> digits = stackalloc char[RandomDigits + 1];
        for (var i = 0; i < RandomDigits; i++)
        {
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        }

        digits[RandomDigits] = (char)('0' + CheckDigit(digits[..RandomDigits]));
        return new CaseNumber(new string(digits));
    }

    /// <summary>
    /// The case number a seed stands for (its first eight bytes, as ten digits): a request retried with
    /// its key draws the same number again, so an attempt cut short after storing the case is found,
    /// not doubled. The seed must be secret-keyed (an HMAC), so numbers stay unguessable.
    /// </summary>
    public static CaseNumber FromSeed(ReadOnlySpan<byte> seed)
    {
        if (seed.Length < 8)
        {
            throw new ArgumentException("A seed of at least eight bytes is needed.", nameof(seed));
        }

        var value = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(seed) % 10_000_000_000UL;
        var digits = value.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
        return new CaseNumber(digits + (char)('0' + CheckDigit(digits)));
    }

    /// <summary>Reads a case number as people write it: any case, with or without the K, dashes or spaces.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out CaseNumber caseNumber)
    {
        caseNumber = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.StartsWith('K') || trimmed.StartsWith('k'))
        {
            trimmed = trimmed[1..];
        }

        var digits = new StringBuilder(RandomDigits + 1);
        foreach (var c in trimmed)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not ('-' or ' '))
            {
                return false;
            }
        }

        if (digits.Length != RandomDigits + 1)
        {
            return false;
        }

        var value = digits.ToString();
        if (CheckDigit(value) != 0)
        {
            return false;
        }

        caseNumber = new CaseNumber(value);
        return true;
    }

    public static CaseNumber Parse(string text) =>
        TryParse(text, out var caseNumber) ? caseNumber : throw new FormatException($"'{text}' is not a case number.");

    // Zero over the whole number (digits plus check digit) means it is intact.
    static int CheckDigit(ReadOnlySpan<char> digits)
    {
        var interim = 0;
        foreach (var c in digits)
        {
            interim = DammTable[interim, c - '0'];
        }

        return interim;
    }
}
