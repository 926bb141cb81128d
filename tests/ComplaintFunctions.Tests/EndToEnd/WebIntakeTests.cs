using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ComplaintFunctions.Tests.Support;

namespace ComplaintFunctions.Tests.EndToEnd;

/// <summary>A customer reports a complaint through the local runner and follows it with the link from their mail.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WebIntakeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    RunnerClient runner = null!;

    public async Task InitializeAsync() => runner = await RunnerClient.StartAsync(azurite, "webintake" + Guid.NewGuid().ToString("N")[..8]);

    public async Task DisposeAsync() => await runner.DisposeAsync();

    static string NewAddress() => $"kunde-{Guid.NewGuid():N}@example.no";

    [Fact]
    public async Task A_json_complaint_gets_a_case_number_an_acknowledgement_mail_and_a_status_page()
    {
        var email = NewAddress();
        var response = await runner.Http.PostAsJsonAsync("/api/complaints", new
        {
            name = "Kari Nordmann",
            email,
            description = "Skjermen var død ved levering.",
            category = "doa",
            country = "NO",
            deliveryDate = "2026-11-20",
        });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var caseNumber = body.GetProperty("caseNumber").GetString()!;
        Assert.Equal("customer-service", body.GetProperty("status").GetString());

        var mail = await runner.WaitForMailAsync(m => m.To.Contains(email));
        Assert.Contains($"[{caseNumber}]", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(caseNumber, mail.Text, StringComparison.Ordinal);
        Assert.Contains("21 04 40 30", mail.Text, StringComparison.Ordinal);
        Assert.StartsWith("Vi har mottatt klagen din", mail.Subject, StringComparison.Ordinal);

        var statusLink = RunnerClient.LinkIn(mail, "/api/complaints/");
        var status = await runner.Http.GetFromJsonAsync<JsonElement>(statusLink);
        Assert.Equal(caseNumber, status.GetProperty("caseNumber").GetString());
        Assert.Equal("customer-service", status.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task A_form_post_gets_a_receipt_page_with_the_case_number()
    {
        var email = NewAddress();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["name"] = "Sven Svensson",
                ["email"] = email,
                ["description"] = "Paketet har inte kommit.",
                ["category"] = "delivery",
                ["language"] = "sv",
            }),
        };
        request.Headers.Accept.ParseAdd("text/html");

        var response = await runner.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        var mail = await runner.WaitForMailAsync(m => m.To.Contains(email));
        var caseNumber = System.Text.RegularExpressions.Regex.Match(mail.Subject, @"K-\d{4}-\d{4}-\d{3}").Value;
        Assert.Contains(caseNumber, page, StringComparison.Ordinal);
        Assert.StartsWith("Vi har tagit emot ditt klagomål", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_idempotency_key_twice_gives_the_same_case_and_one_mail()
    {
        var email = NewAddress();
        var key = Guid.NewGuid().ToString();
        async Task<string> Post()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints")
            {
                Content = JsonContent.Create(new { email, description = "Tastaturet mangler en tast." }),
            };
            request.Headers.Add("Idempotency-Key", key);
            var response = await runner.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString()!;
        }

        var results = await Task.WhenAll(Post(), Post());
        var again = await Post();

        Assert.Equal(results[0], results[1]);
        Assert.Equal(results[0], again);
        await runner.WaitForMailAsync(m => m.To.Contains(email));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Single(await runner.MailAsync(), m => m.To.Contains(email));
    }

    [Fact]
    public async Task Bad_input_gets_a_400_problem_naming_each_field()
    {
        var response = await runner.Http.PostAsJsonAsync("/api/complaints", new { email = "not-an-address", category = "angry" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("description", out _));
        Assert.True(errors.TryGetProperty("category", out _));
    }

    [Fact]
    public async Task Broken_json_and_unknown_content_types_get_clear_answers_not_500()
    {
        var broken = await runner.Http.PostAsync("/api/complaints", new StringContent("{\"email\":", System.Text.Encoding.UTF8, "application/json"));
        var plain = await runner.Http.PostAsync("/api/complaints", new StringContent("hello", System.Text.Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, plain.StatusCode);
        Assert.Contains("JSON", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lone-surrogate")]
    [InlineData("invalid-utf8")]
    public async Task Text_that_is_not_valid_unicode_in_json_gets_a_400_problem_not_500(string kind)
    {
        var bytes = kind == "lone-surrogate"
            ? Encoding.UTF8.GetBytes($$"""{"email":"{{NewAddress()}}","description":"Skjermen \ud800 er svart."}""")
            : [.. Encoding.UTF8.GetBytes($$"""{"email":"{{NewAddress()}}","description":"Skjermen """), 0xFF, 0xC3, 0x28, .. Encoding.UTF8.GetBytes(" er svart.\"}")];
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await runner.Http.PostAsync("/api/complaints", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The body is not valid JSON.", problem.GetProperty("title").GetString());
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multipart_post_without_a_boundary_gets_a_400_problem_not_500()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("--x\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\na@example.no\r\n--x--\r\n"));
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");

        var response = await runner.Http.PostAsync("/api/complaints", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("boundary", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", 5 * 1024 * 1024)]
    [InlineData("application/x-www-form-urlencoded", 300 * 1024)]
    [InlineData("application/json", 5 * 1024 * 1024)]
    public async Task A_chunked_post_without_a_length_over_the_limit_gets_413_like_one_with_a_length(string mediaType, int size)
    {
        var filler = new string('a', size);
        var body = mediaType.EndsWith("json", StringComparison.Ordinal)
            ? $$"""{"email":"{{NewAddress()}}","description":"{{filler}}"}"""
            : $"email={Uri.EscapeDataString(NewAddress())}&description={filler}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints")
        {
            Content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(body))),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        request.Headers.TransferEncodingChunked = true;

        var response = await runner.Http.SendAsync(request);

        Assert.Null(request.Content.Headers.ContentLength);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The complaint is too large.", problem.GetProperty("title").GetString());
        Assert.Contains("256 KB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A body whose length HttpClient cannot know, so it goes chunked, as a streaming client sends it.</summary>
    sealed class UnseekableStream(byte[] data) : MemoryStream(data, writable: false)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }

    [Fact]
    public async Task The_status_is_not_shown_without_the_token_from_the_mail()
    {
        var email = NewAddress();
        var posted = await runner.Http.PostAsJsonAsync("/api/complaints", new { email, description = "Feil på laderen." });
        var caseNumber = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("caseNumber").GetString();

        var noToken = await runner.Http.GetAsync($"/api/complaints/{caseNumber}");
        var forged = await runner.Http.GetAsync($"/api/complaints/{caseNumber}?t=AAAAAAAAAAAAAAAAAAAAAA");
        var unknown = await runner.Http.GetAsync("/api/complaints/K-0000-0000-000?t=x");

        Assert.Equal(HttpStatusCode.NotFound, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
