using ComplaintFunctions.LocalHost;

// The local runner: the function app's own functions on http://127.0.0.1:7071, with Azurite,
// the Durable Task engine on Azure Storage and a SendGrid stand-in. Ctrl+C stops it all.
var options = new LocalRunnerOptions();
if (int.TryParse(Environment.GetEnvironmentVariable("LOCAL_RUNNER_PORT"), out var port))
{
    options.Port = port;
}

// For a runner started by another program (the fault suite kills and restarts one): its storage,
// task hub and data folder (keys and kept mail), so a restart finds what the last one left.
if (Environment.GetEnvironmentVariable("LOCAL_RUNNER_STORAGE") is { Length: > 0 } storage)
{
    options.StorageConnectionString = storage;
}

if (Environment.GetEnvironmentVariable("LOCAL_RUNNER_TASK_HUB") is { Length: > 0 } taskHub)
{
    options.TaskHub = taskHub;
}

if (Environment.GetEnvironmentVariable("LOCAL_RUNNER_DATA") is { Length: > 0 } data)
{
    options.DataFolder = data;
    options.MailFolder = Path.Combine(data, "mail");
}

await using var runner = await LocalRunner.StartAsync(options);

// Where a newcomer looks first: the address, the settings in use, and the keys the staff routes need.
Console.WriteLine($"""

    Complaint pipeline on {runner.BaseAddress}
      form:          {new Uri(runner.BaseAddress, "/api/form")}
      staff console: {new Uri(runner.BaseAddress, "/api/console")}   (local sign-in: pick a person and a role)
      kept mail:     {new Uri(runner.BaseAddress, "/dev/mail/view")}
      settings:      {runner.SettingsFile ?? "embedded defaults (no local.settings.json)"}{(options.ProfileFile is { } profile ? $" + {profile}" : string.Empty)}
      function key:  {runner.Keys.DefaultFunctionKey}   (staff routes: header x-functions-key or ?code=)
      master key:    {runner.Keys.MasterKey}
      keys kept in:  {runner.Keys.Path}
      key checks:    {(runner.EnforcesAuthorization ? "on, as in Azure (LocalRunner__EnforceAuthorization=false turns them off)" : "OFF (LocalRunner__EnforceAuthorization=false)")}

    """);
await runner.WaitForShutdownAsync();
