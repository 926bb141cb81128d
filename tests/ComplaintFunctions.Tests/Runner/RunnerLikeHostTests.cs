using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using ComplaintFunctions.LocalHost;
using ComplaintFunctions.Tests.Support;
using LocalFunctionsRunner;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ComplaintFunctions.Tests.Runner;

/// <summary>The local runner answers as the Functions host does, so a test that passes here passes in Azure.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class RunnerLikeHostTests(AzuriteFixture azurite)
{
    static string Hub(string prefix) => prefix + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Staff_routes_need_a_function_key_as_in_Azure_and_anonymous_routes_stay_open()
    {
        await using var runner = await RunnerClient.StartAsync(azurite, Hub("keys"));
        var key = runner.Keys.DefaultFunctionKey;

        Assert.Equal(HttpStatusCode.Unauthorized, (await runner.Http.GetAsync("/api/staff/complaints")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await runner.Http.GetAsync("/api/staff/complaints?code=not-a-key")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await runner.Http.GetAsync($"/api/staff/complaints?code={key}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await runner.StaffHttp.GetAsync("/api/staff/complaints")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await runner.Http.GetAsync($"/api/staff/inbox/review?code={runner.Keys.MasterKey}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await runner.Http.PostAsJsonAsync("/api/staff/complaints", new { })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await runner.Http.GetAsync("/api/form")).StatusCode);

        // The keys are kept where the runner says, so a restart and a person reading the file see the same ones.
        Assert.Contains(key, await File.ReadAllTextAsync(runner.Keys.Path!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_method_the_route_does_not_take_answers_404_as_the_host_does()
    {
        await using var runner = await RunnerClient.StartAsync(azurite, Hub("methods"));

        var post = await runner.Http.PostAsync("/api/form", new StringContent(string.Empty));
        var delete = await runner.Http.DeleteAsync("/api/complaints");

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Empty(post.Content.Headers.Allow);
    }

    [Fact]
    public async Task Key_checks_can_be_switched_off_like_func_start()
    {
        await using var runner = await RunnerClient.StartAsync(azurite, Hub("lax"), new Dictionary<string, string?> { [FunctionsRunnerOptions.EnforceAuthorizationSetting] = "false" });

        Assert.Equal(HttpStatusCode.OK, (await runner.Http.GetAsync("/api/staff/complaints")).StatusCode);
    }

    [Fact]
    public async Task The_runner_reads_local_settings_json_and_the_sample_runs_the_pipeline()
    {
        var folder = Directory.CreateTempSubdirectory("complaints-settings-").FullName;
        try
        {
            // The shipped sample, as a newcomer copies it, with one value of their own.
            var sample = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryRoot.Find(), "local.settings.sample.json")))!;
            sample["Values"]!["Mail__CustomerServicePhone"] = "22 33 44 55";
            var file = Path.Combine(folder, "local.settings.json");
            await File.WriteAllTextAsync(file, sample.ToJsonString());

            await using var runner = await RunnerClient.StartAsync(azurite, Hub("settings"), settingsFile: file);
            var email = CaseDriver.NewCustomer();
            var posted = await runner.Http.PostAsJsonAsync("/api/complaints", new { name = "Kari Nordmann", email, description = "Skjermen var død ved levering.", category = "doa", country = "NO" });
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);

            var acknowledgement = await runner.WaitForMailAsync(m => m.To.Contains(email));
            Assert.Contains("22 33 44 55", acknowledgement.Text, StringComparison.Ordinal);
            Assert.Equal("kundeservice@example.no", acknowledgement.From.Split('<', '>').First(p => p.Contains('@', StringComparison.Ordinal)).Trim());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_embedded_defaults_are_settings_the_sample_explains()
    {
        var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "local.settings.sample.json")));
        var values = sample.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name.Replace("__", ":", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var explained = sample.RootElement.GetProperty("_explained").EnumerateObject().Select(p => p.Name).ToList();

        foreach (var key in LocalRunner.EmbeddedDefaults(new Uri("http://127.0.0.1:7071")).Keys)
        {
            Assert.Contains(key, values);
            Assert.Contains(explained, e => e.Contains(key, StringComparison.Ordinal) || e.Split(" / ").Any(part => key.EndsWith(part.Split(':').Last(), StringComparison.Ordinal) && key.StartsWith(e.Split(':')[0], StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void The_runner_names_nothing_of_the_app()
    {
        var folder = Path.Combine(RepositoryRoot.Find(), "src", "LocalFunctionsRunner");
        var project = File.ReadAllText(Path.Combine(folder, "LocalFunctionsRunner.csproj"));
        Assert.DoesNotContain("<ProjectReference", project, StringComparison.Ordinal);
        foreach (var source in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("complaint", File.ReadAllText(source), StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(typeof(FunctionsRunner).Assembly.GetReferencedAssemblies(), a => a.Name!.StartsWith("ComplaintFunctions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Durable_payloads_use_the_workers_serializer()
    {
        await using var runner = await RunnerClient.StartAsync(azurite, Hub("serializer"));
        var worker = runner.Services.GetRequiredService<IOptionsMonitor<DurableTaskWorkerOptions>>().Get(Options.DefaultName);
        var client = runner.Services.GetRequiredService<IOptionsMonitor<DurableTaskClientOptions>>().Get(Options.DefaultName);

        Assert.IsType<LocalFunctionsRunner.Durable.WorkerSerializerConverter>(worker.DataConverter);
        Assert.IsType<LocalFunctionsRunner.Durable.WorkerSerializerConverter>(client.DataConverter);
    }

    /// <summary>A second app on the same runner: its middleware, host.json overrides, versions, queue poison and admin level.</summary>
    [Fact]
    public async Task Any_app_runs_with_its_middleware_its_versions_and_the_hosts_queue_rules()
    {
        var keysFolder = Directory.CreateTempSubdirectory("probe-keys-").FullName;
        var options = ProbeApp.RunnerOptions(azurite.ConnectionString, keysFolder, "probe");
        options.Settings["AzureFunctionsJobHost:extensions:http:routePrefix"] = "svc";
        options.Settings["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:01";
        var queues = new QueueServiceClient(azurite.ConnectionString);
        var plain = queues.GetQueueClient(ProbeFunctions.Queue);
        await plain.CreateIfNotExistsAsync();
        await plain.ClearMessagesAsync();
        await queues.GetQueueClient(ProbeFunctions.Queue + "-poison").DeleteIfExistsAsync();

        await using var runner = await FunctionsRunner.StartAsync(options);
        using var http = new HttpClient { BaseAddress = runner.BaseAddress };
        try
        {
            // host.json's routePrefix, overridden by an app setting as the host allows.
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/probe/hello")).StatusCode);
            var hello = await http.GetFromJsonAsync<JsonElement>("/svc/probe/hello");
            Assert.Equal("middleware:ProbeHello", hello.GetProperty("seenByMiddleware").GetString());

            // Admin level takes the master key only.
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"/svc/probe/admin?code={runner.Keys.DefaultFunctionKey}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/svc/probe/admin?code={runner.Keys.MasterKey}")).StatusCode);

            // A message that is not base64 goes to poison, as under the host; the runner stays up and takes the next one.
            await plain.SendMessageAsync("plain text, not base64 {");
            await new QueueClient(azurite.ConnectionString, ProbeFunctions.Queue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }).SendMessageAsync("item-1");
            var log = runner.Services.GetRequiredService<ProbeLog>();
            await RunnerClient.EventuallyAsync(() => Task.FromResult(log.Lines.Contains("item-1 via middleware:ProbeQueue") ? "ok" : null), "the queue item through the middleware");
            var poison = queues.GetQueueClient(ProbeFunctions.Queue + "-poison");
            var poisoned = await RunnerClient.EventuallyAsync(async () => (await poison.PeekMessagesAsync(5)).Value.FirstOrDefault()?.Body.ToString(), "the undecodable message in poison");
            Assert.Equal("plain text, not base64 {", poisoned);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/svc/probe/hello")).StatusCode);

            // The orchestration sees its version, and ContinueAsNew's new version reaches the next episode.
            var started = await (await http.PostAsync("/svc/probe/versioned", null)).Content.ReadFromJsonAsync<JsonElement>();
            var client = runner.Services.GetRequiredService<DurableTaskClient>();
            var done = await RunnerClient.EventuallyAsync(
                async () => await client.GetInstanceAsync(started.GetProperty("id").GetString()!, getInputsAndOutputs: true) is { RuntimeStatus: OrchestrationRuntimeStatus.Completed } m ? m : null,
                "the versioned orchestration");
            Assert.Equal("first:1.0:2.0", done.ReadOutputAs<string>());
        }
        finally
        {
            Directory.Delete(keysFolder, recursive: true);
        }
    }
}
