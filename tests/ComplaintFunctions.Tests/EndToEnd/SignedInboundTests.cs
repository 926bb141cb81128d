using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ComplaintFunctions.Inbound;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>
/// With SendGrid's public key configured, the Inbound Parse endpoint takes only posts SendGrid signed
/// (the test signs with its own key pair, the way SendGrid does); knowing the shared secret is not enough.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SignedInboundTests(AzuriteFixture azurite) : IAsyncLifetime
{
    readonly ECDsa sendGrid = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    RunnerClient runner = null!;

    public async Task InitializeAsync() => runner = await RunnerClient.StartAsync(
        azurite,
        "signed" + Guid.NewGuid().ToString("N")[..8],
        new Dictionary<string, string?> { ["Inbound:SendGridPublicKey"] = Convert.ToBase64String(sendGrid.ExportSubjectPublicKeyInfo()) });

    public async Task DisposeAsync()
    {
        await runner.DisposeAsync();
        sendGrid.Dispose();
    }

    [Fact]
    public async Task A_signed_post_becomes_a_case_and_tampered_unsigned_or_replayed_posts_are_refused()
    {
        var from = $"signed-{Guid.NewGuid():N}@example.com";
        var (body, contentType) = await RawFormAsync(from);
        var now = DateTimeOffset.UtcNow;

        var tampered = body.ToArray();
        var at = Encoding.ASCII.GetBytes("dead on arrival");
        var index = body.AsSpan().IndexOf(at);
        tampered[index] = (byte)'D';
        var forged = await PostAsync(tampered, contentType, Sign(body, now));
        var unsigned = await PostAsync(body, contentType, null);
        var replayed = await PostAsync(body, contentType, Sign(body, now.AddHours(-2)));

        foreach (var refused in new[] { forged, unsigned, replayed })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        }

        Assert.Contains("does not match", await DetailAsync(forged), StringComparison.Ordinal);
        Assert.Contains(SendGridSignature.SignatureHeader, await DetailAsync(unsigned), StringComparison.Ordinal);
        Assert.Contains("seconds from now", await DetailAsync(replayed), StringComparison.Ordinal);

        var genuine = await PostAsync(body, contentType, Sign(body, now));
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        await runner.WaitForMailAsync(m => m.To.Contains(from) && m.Subject.Contains("[K-", StringComparison.Ordinal));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(await runner.MailAsync(), m => m.To.Contains(from));
    }

    (string Signature, string Timestamp) Sign(byte[] body, DateTimeOffset at)
    {
        var stamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = sendGrid.SignData([.. Encoding.ASCII.GetBytes(stamp), .. body], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return (Convert.ToBase64String(signature), stamp);
    }

    static async Task<string> DetailAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;

    static async Task<(byte[] Body, string ContentType)> RawFormAsync(string from)
    {
        var mime = Encoding.ASCII.GetBytes(
            $"Message-ID: <{Guid.NewGuid():N}@signed.example>\r\nDate: Mon, 3 Mar 2025 08:41:10 +0100\r\nFrom: Pat Doe <{from}>\r\n"
            + "To: kundeservice@example.no\r\nSubject: Monitor dead on arrival\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
            + "The monitor was dead on arrival yesterday. Order 12345.\r\n");
        using var form = new MultipartFormDataContent("signed-boundary")
        {
            { new ByteArrayContent(mime), "email" },
            { new StringContent("kundeservice@example.no"), "to" },
        };
        return (await form.ReadAsByteArrayAsync(), form.Headers.ContentType!.ToString());
    }

    async Task<HttpResponseMessage> PostAsync(byte[] body, string contentType, (string Signature, string Timestamp)? signed)
    {
        // The shared secret is given each time: with a key configured it is not enough.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound/sendgrid?key=local-inbound-secret") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (signed is { } s)
        {
            request.Headers.Add(SendGridSignature.SignatureHeader, s.Signature);
            request.Headers.Add(SendGridSignature.TimestampHeader, s.Timestamp);
        }

        return await runner.Http.SendAsync(request);
    }
}
