using System.Diagnostics;
using System.Globalization;

namespace ComplaintFunctions.Bench;

/// <summary>What the machine is, what the benchmark's processes use, and which commit is measured.</summary>
internal static class SystemProbe
{
    const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    // In the "cpu" line of /proc/stat: user, nice, system, irq, softirq, steal (not idle, not iowait).
    static readonly int[] BusyFields = [1, 2, 3, 6, 7, 8];

    public static string Machine()
    {
        var memory = ReadMemInfoKb("MemTotal") is { } kb ? $"{kb / 1024.0 / 1024.0:0.#} GB" : "? GB";
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {memory}") + (model is null ? string.Empty : $" ({model})");
    }

    public static string MachineShort() =>
        string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, {(ReadMemInfoKb("MemTotal") ?? 0) / 1024.0 / 1024.0:0} GB");

    static long? ReadMemInfoKb(string key)
    {
        if (!File.Exists("/proc/meminfo"))
        {
            return null;
        }

        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>The short commit, with "+dirty" when tracked files other than the results differ from it.</summary>
    public static string GitCommit(string repositoryRoot)
    {
        var commit = Git(repositoryRoot, "rev-parse", "--short", "HEAD")?.Trim() ?? "unknown";
        var changes = Git(repositoryRoot, "status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)bench/results.md");
        return string.IsNullOrWhiteSpace(changes) ? commit : commit + "+dirty";
    }

    static string? Git(string directory, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit(10_000);
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Azurite's node process: the child of this process that AzuriteProcess started.</summary>
    public static int? FindAzurite()
    {
        if (!Directory.Exists("/proc"))
        {
            return null;
        }

        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var close = stat.LastIndexOf(')');
                var command = stat[(stat.IndexOf('(', StringComparison.Ordinal) + 1)..close];
                var parent = int.Parse(stat[(close + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                if (parent == Environment.ProcessId && command == "node")
                {
                    return pid;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // The process ended while we looked.
            }
        }

        return null;
    }

    /// <summary>CPU seconds (user + system) a process has used so far.</summary>
    public static double CpuSeconds(int? pid)
    {
        if (pid is null)
        {
            using var self = Process.GetCurrentProcess();
            return self.TotalProcessorTime.TotalSeconds;
        }

        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // Fields after the command start at "state" (field 3): utime is field 14, stime field 15.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
        }
        catch (Exception e) when (e is IOException or FormatException)
        {
            return double.NaN;
        }
    }

    /// <summary>Peak resident memory of a process in bytes (VmHWM), or null.</summary>
    public static long? PeakResidentBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static long PeakWorkingSet()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }

    /// <summary>CPU seconds all processes have used so far (busy time in /proc/stat), or NaN.</summary>
    public static double MachineBusySeconds()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // cpu user nice system idle iowait irq softirq steal ...
            var busy = BusyFields.Sum(i => long.Parse(fields[i], CultureInfo.InvariantCulture));
            return busy / ClockTicksPerSecond;
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException or InvalidOperationException)
        {
            return double.NaN;
        }
    }

    /// <summary>Starts measuring CPU use of this process, Azurite and the rest of the machine; the returned function ends the window.</summary>
    public static Func<CpuUse> StartCpuWindow(int? azurite)
    {
        var wall = Stopwatch.StartNew();
        var process = CpuSeconds(null);
        var node = azurite is null ? double.NaN : CpuSeconds(azurite);
        var machine = MachineBusySeconds();
        return () =>
        {
            var usedByProcess = CpuSeconds(null) - process;
            var usedByAzurite = azurite is null ? double.NaN : CpuSeconds(azurite) - node;
            var usedByAll = MachineBusySeconds() - machine;
            return new CpuUse(usedByProcess, usedByAzurite, usedByAll - usedByProcess - (double.IsNaN(usedByAzurite) ? 0 : usedByAzurite), wall.Elapsed.TotalSeconds);
        };
    }
}
