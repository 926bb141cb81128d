using System.Security.Cryptography;
using System.Text;
using ComplaintFunctions.Inbound;

namespace ComplaintFunctions.Mail.Tests.Inbound;

/// <summary>
/// SendGrid's signed Inbound Parse posts, checked with a key pair of the test's own made the way
/// SendGrid signs: ECDSA P-256, SHA-256 over the timestamp's text and then the raw body, DER in base64.
/// </summary>
public sealed class SendGridSignatureTests : IDisposable
{
    static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    readonly ECDsa sendGrid = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    readonly byte[] body = Encoding.UTF8.GetBytes("--xYzZY\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nFrom: a@example.com\r\n\r\nThe screen is dead.\r\n--xYzZY--\r\n");

    public void Dispose() => sendGrid.Dispose();

    string PublicKey => Convert.ToBase64String(sendGrid.ExportSubjectPublicKeyInfo());

    static string Stamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    static string Sign(ECDsa key, string timestamp, byte[] signed) => Convert.ToBase64String(
        key.SignData([.. Encoding.ASCII.GetBytes(timestamp), .. signed], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));

    SignatureCheck Check(string? signature, string? timestamp, byte[] received, string? publicKey = null)
    {
        Assert.True(SendGridSignature.TryCreate(publicKey ?? PublicKey, out var verifier, out var problem), problem);
        using (verifier)
        {
            return verifier!.Check(signature, timestamp, received, Now, MaxAge);
        }
    }

    [Fact]
    public void A_post_signed_with_the_configured_key_a_minute_ago_is_valid()
    {
        var stamp = Stamp(Now.AddMinutes(-1));
        Assert.Equal(SignatureCheck.Valid, Check(Sign(sendGrid, stamp, body), stamp, body));
    }

    [Fact]
    public void A_key_in_PEM_armour_is_read_as_well()
    {
        var stamp = Stamp(Now);
        var pem = "-----BEGIN PUBLIC KEY-----\n" + PublicKey + "\n-----END PUBLIC KEY-----\n";
        Assert.Equal(SignatureCheck.Valid, Check(Sign(sendGrid, stamp, body), stamp, body, pem));
    }

    [Fact]
    public void One_changed_byte_in_the_body_is_a_mismatch()
    {
        var stamp = Stamp(Now);
        var signature = Sign(sendGrid, stamp, body);
        var tampered = (byte[])body.Clone();
        tampered[^20] ^= 0x20;
        Assert.Equal(SignatureCheck.Mismatch, Check(signature, stamp, tampered));
    }

    [Fact]
    public void A_changed_timestamp_is_a_mismatch_because_the_timestamp_is_signed()
    {
        var stamp = Stamp(Now.AddHours(-5));
        var signature = Sign(sendGrid, stamp, body);
        Assert.Equal(SignatureCheck.Mismatch, Check(signature, Stamp(Now), body));
    }

    [Fact]
    public void A_signature_made_with_another_key_is_a_mismatch()
    {
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var stamp = Stamp(Now);
        Assert.Equal(SignatureCheck.Mismatch, Check(Sign(stranger, stamp, body), stamp, body));
    }

    [Theory]
    [InlineData(-11)]
    [InlineData(-60 * 24)]
    [InlineData(11)]
    public void A_genuine_signature_outside_the_allowed_age_is_stale(int minutes)
    {
        var stamp = Stamp(Now.AddMinutes(minutes));
        Assert.Equal(SignatureCheck.Stale, Check(Sign(sendGrid, stamp, body), stamp, body));
    }

    [Theory]
    [InlineData(null, "1796126400")]
    [InlineData("", "1796126400")]
    [InlineData("MEUCIQ==", null)]
    public void Without_both_headers_the_post_is_not_signed(string? signature, string? timestamp) =>
        Assert.Equal(SignatureCheck.Missing, Check(signature, timestamp, body));

    [Theory]
    [InlineData("not base64!", "1796126400")]
    [InlineData("MEUCIQ==", "yesterday")]
    [InlineData("MEUCIQ==", "-5")]
    [InlineData("MEUCIQ==", "99999999999999999999")]
    public void Headers_that_cannot_be_read_are_malformed(string signature, string timestamp) =>
        Assert.Equal(SignatureCheck.Malformed, Check(signature, timestamp, body));

    [Fact]
    public void Base64_that_is_not_a_DER_signature_is_a_mismatch_not_an_error()
    {
        var stamp = Stamp(Now);
        Assert.Equal(SignatureCheck.Mismatch, Check(Convert.ToBase64String(new byte[70]), stamp, body));
    }

    [Theory]
    [InlineData("not a key", "not base64")]
    [InlineData("AAAA", "not an EC public key")]
    public void A_key_that_cannot_be_used_says_why(string key, string expected)
    {
        Assert.False(SendGridSignature.TryCreate(key, out var verifier, out var problem));
        Assert.Null(verifier);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_on_another_curve_is_refused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Assert.False(SendGridSignature.TryCreate(Convert.ToBase64String(p384.ExportSubjectPublicKeyInfo()), out _, out var problem));
        Assert.Contains("P-256", problem, StringComparison.Ordinal);
    }
}
