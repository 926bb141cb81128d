using System.Diagnostics;

namespace ComplaintFunctions.Infra.Tests;

/// <summary>The Bicep CLI from the pinned NuGet package, run offline.</summary>
static class BicepCli
{
    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    static readonly Lazy<string> Executable = new(FindExecutable);

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public string AllOutput => StandardOutput + StandardError;

        /// <summary>Diagnostic lines, such as "main.bicep(3,7) : Error no-unused-params: ...".</summary>
        public IReadOnlyList<string> Diagnostics(string level) =>
            AllOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(line => line.Contains($") : {level} ", StringComparison.Ordinal))
                .ToList();
    }

    public static Result Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable.Value)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing here needs the network: no registry modules, no telemetry.
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return new Result(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    static string FindExecutable()
    {
        var path = Repository.Metadata("BicepExecutable");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The Bicep CLI is not where the Azure.Bicep.CommandLine.linux-x64 package puts it: run dotnet restore.", path);
        }

        // A package restored on another machine may have lost its execute bit.
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if (!mode.HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }

        return path;
    }
}
