using ComplaintFunctions.LocalHost;

// The local runner: the function app's own functions on http://127.0.0.1:7071, with Azurite,
// the Durable Task engine on Azure Storage and a SendGrid stand-in. Ctrl+C stops it all.
var options = new LocalRunnerOptions();
if (int.TryParse(Environment.GetEnvironmentVariable("LOCAL_RUNNER_PORT"), out var port))
{
    options.Port = port;
}

await using var runner = await LocalRunner.StartAsync(options);
await runner.WaitForShutdownAsync();
