using System.Globalization;

namespace ComplaintFunctions.Bench;

internal sealed class BenchOptions
{
    public const string Usage = """
        usage: scripts/bench [options]
          --count N            complaints (and bare orchestrations) in the throughput runs (default 500)
          --clients C          concurrent clients posting them (default 8)
          --rounds R           throughput rounds per engine, order alternating (default 4)
          --warm-up W          unmeasured items before each throughput run (default 100)
          --rate R             complaints per second in the paced run (default 10)
          --paced-count M      complaints in the paced run (default 100; 0 skips it)
          --history-cases K    complaints followed through the progress cycles (default 3; 0 skips the history run)
          --cycles Y           progress cycles to follow (default 15; checkpoints at 3, 8 and Y)
          --progress-interval  CustomerService:ProgressAfter for the history run (default 00:00:02)
          --azurite-in-memory  Azurite keeps its data in memory (default: a fresh folder under the temp dir, deleted after)
          --intake web|mail    how the pipeline's complaints arrive: JSON posts to /api/complaints (default), or raw
                               mails through SendGrid Inbound Parse (/api/inbound/sendgrid, stored, queued, read, new case)
          --bare sidecar|direct the bare engine behind the gRPC sidecar, as the runner drives it (default), or the
                               Durable Task Framework's TaskHubWorker driven directly, as an in-process host would
          --no-record          print only; do not append a row to bench/results.md
          --trace              a line per second on stderr: storage requests, their time through the proxy, thread pool, CPU
          --idle               only the idle measurement: the runner on the repository's host.json, nothing sent,
                               storage requests per second by resource (prints; records nothing)
          --helpdesk           the helpdesk comparison: Norwegian ISO-8859-1 mails through SendGrid Inbound Parse to the
                               runner as its own process, 1 and 4 feeders (N each, rounds alternating the order), then
                               the paced run; accepted/s, done/s, accept latency, CPU-s per mail (runner / Azurite),
                               storage requests per mail, peak RSS; a row per run in the helpdesk table of results.md
                               (with --trace: where each run's storage requests went, by resource)
          --feeders LIST       with --helpdesk: the feeder counts to run, comma-separated (default 1,4)
          --set KEY=VALUE      with --helpdesk: an app setting for the runner, e.g. a host.json override such as
                               AzureFunctionsJobHost:extensions:durableTask:extendedSessionsEnabled=true (repeatable)
          --worklist           the staff worklist's read with many closed cases: seeds --open cases, then closed ones in
                               steps (10,000, doubling, up to --closed), and after each step times (median of 5) and counts
                               the requests of the scan of every case the list did before and of the open-case list;
                               prints, records nothing. Azurite's inserts slow as a table grows:
                               100,000 closed cases take about an hour to seed here
          --closed N           with --worklist: closed cases (default 100000)
          --open N             with --worklist: open cases (default 1000)
          --capture-golden DIR walks real cases through the runner (every phase a case rests in, every kind of input)
                               and writes each distinct Durable state and input the task hub's tables held into DIR,
                               byte for byte, with raw.jsonl and capture.md (tests/ComplaintFunctions.Tests/Golden)
        """;

    public int Count { get; private set; } = 500;

    /// <summary>"web" (JSON to /api/complaints) or "mail" (raw MIME through /api/inbound/sendgrid).</summary>
    public string Intake { get; private set; } = "web";
    public int Clients { get; private set; } = 8;
    public int Rounds { get; private set; } = 4;
    public int WarmUp { get; private set; } = 100;
    public double Rate { get; private set; } = 10;
    public int PacedCount { get; private set; } = 100;
    public int HistoryCases { get; private set; } = 3;
    public int Cycles { get; private set; } = 15;
    public TimeSpan ProgressInterval { get; private set; } = TimeSpan.FromSeconds(2);
    public bool Record { get; private set; } = true;
    public bool Trace { get; private set; }
    public bool AzuriteInMemory { get; private set; }
    public bool Idle { get; private set; }
    public bool Helpdesk { get; private set; }
    public bool Worklist { get; private set; }
    public int ClosedCases { get; private set; } = 100_000;
    public int OpenCases { get; private set; } = 1_000;

    /// <summary>--capture-golden DIR: the golden-file capture instead of a benchmark.</summary>
    public string? CaptureGolden { get; private set; }

    /// <summary>--bare direct: the bare engine as DTFx's own worker, without the gRPC sidecar.</summary>
    public bool BareDirect { get; private set; }

    /// <summary>The helpdesk comparison's feeder counts (--feeders 1,4).</summary>
    public IReadOnlyList<int> Feeders { get; private set; } = [1, 4];

    /// <summary>App settings for the helpdesk comparison's runner (--set KEY=VALUE).</summary>
    public IDictionary<string, string> RunnerSettings { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Whether --rounds was given (the helpdesk comparison runs one round unless told).</summary>
    public bool RoundsGiven { get; private set; }

    /// <summary>Progress-cycle counts at which the history is read.</summary>
    public IReadOnlyList<int> Checkpoints => new[] { 3, 8, Cycles }.Where(c => c <= Cycles).Distinct().ToArray();

    /// <summary>Parses the command line; null (and the exit code) after --help or a message on stderr.</summary>
    public static BenchOptions? Parse(IReadOnlyList<string> args, out int exitCode)
    {
        ArgumentNullException.ThrowIfNull(args);
        exitCode = 2;
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--count": options.Count = Positive(Value()); break;
                    case "--intake": options.Intake = Value() is "mail" ? "mail" : "web"; break;
                    case "--clients": options.Clients = Positive(Value()); break;
                    case "--rounds": options.Rounds = Positive(Value()); options.RoundsGiven = true; break;
                    case "--warm-up": options.WarmUp = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--rate": options.Rate = double.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--paced-count": options.PacedCount = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--history-cases": options.HistoryCases = int.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--cycles": options.Cycles = Positive(Value()); break;
                    case "--progress-interval": options.ProgressInterval = TimeSpan.Parse(Value(), CultureInfo.InvariantCulture); break;
                    case "--no-record": options.Record = false; break;
                    case "--trace": options.Trace = true; break;
                    case "--azurite-in-memory": options.AzuriteInMemory = true; break;
                    case "--idle": options.Idle = true; break;
                    case "--helpdesk": options.Helpdesk = true; break;
                    case "--worklist": options.Worklist = true; break;
                    case "--closed": options.ClosedCases = Positive(Value()); break;
                    case "--open": options.OpenCases = Positive(Value()); break;
                    case "--capture-golden": options.CaptureGolden = Path.GetFullPath(Value()); break;
                    case "--bare": options.BareDirect = Value() switch { "direct" => true, "sidecar" => false, var other => throw new FormatException($"--bare is sidecar or direct, not {other}") }; break;
                    case "--feeders": options.Feeders = Value().Split(',').Select(Positive).ToArray(); break;
                    case "--set":
                        var setting = Value();
                        var equals = setting.IndexOf('=', StringComparison.Ordinal);
                        if (equals <= 0)
                        {
                            throw new FormatException($"--set needs KEY=VALUE, not {setting}");
                        }

                        options.RunnerSettings[setting[..equals]] = setting[(equals + 1)..];
                        break;
                    case "-h" or "--help":
                        Console.WriteLine(Usage);
                        exitCode = 0;
                        return null;
                    default: throw new FormatException($"unknown option {args[i]}");
                }
            }
            catch (FormatException e)
            {
                Console.Error.WriteLine($"bench: {e.Message}\n{Usage}");
                return null;
            }
        }

        if (options.Rate <= 0 || options.PacedCount < 0 || options.HistoryCases < 0 || options.ProgressInterval <= TimeSpan.Zero)
        {
            Console.Error.WriteLine($"bench: --rate and --progress-interval must be positive, counts not negative\n{Usage}");
            return null;
        }

        return options;
    }

    static int Positive(string text)
    {
        var value = int.Parse(text, CultureInfo.InvariantCulture);
        return value > 0 ? value : throw new FormatException($"{text} is not a positive number");
    }
}
