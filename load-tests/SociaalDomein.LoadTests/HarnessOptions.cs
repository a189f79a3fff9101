using System.Globalization;

namespace SociaalDomein.LoadTests;

/// <summary>The command line of the harness.</summary>
public sealed record HarnessOptions
{
    public required string Scenario { get; init; }

    /// <summary>A real Kafka cluster; null: the embedded mock cluster in this process.</summary>
    public string? BootstrapServers { get; init; }

    public int Partitions { get; init; } = 6;

    public decimal Scale { get; init; } = 1m;

    public double? Rate { get; init; }

    public TimeSpan? Duration { get; init; }

    /// <summary>Months of care to generate instead of the scenario's own (from January).</summary>
    public int? Months { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(30);

    public bool SkipPeers { get; init; }

    public string ResultsDirectory { get; init; } = DefaultResultsDirectory();

    /// <summary>scale-out: SIGKILL the first silo when this share of the declarations is durable; null: never.</summary>
    public double? KillSiloAt { get; init; } = 0.3;

    /// <summary>scale-out: SIGKILL the first worker when this share of the declarations is durable; null: never.</summary>
    public double? KillWorkerAt { get; init; } = 0.6;

    /// <summary>scale-out: start a replacement this long after a kill; null: the survivors carry on alone.</summary>
    public TimeSpan? RestartAfter { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>scale-out: Kafka session timeout of the workers (how soon a killed worker's partitions move).</summary>
    public int SessionTimeoutMs { get; init; } = 6_000;

    public const string Usage = """
        sd-loadtest <scenario> [options]

        scenarios: region-year | month-start-peak | national-year | latency | soak | scale-out | all
          all = region-year, month-start-peak, latency, national-year (at --scale 0.02), each in a fresh process
          scale-out = 2 silo and 2 worker `sdstream serve` processes (Orleans membership in PostgreSQL); one of each SIGKILLed mid-run

        options:
          --bootstrap-servers host:port  a real Kafka cluster (topics and group get a per-run suffix); default: embedded mock cluster
          --partitions N                 partitions of the input topic (default 6)
          --scale X                      multiply the scenario's spend, i.e. its number of lines (default 1; national-year: run e.g. 0.02)
          --rate N                       lines per second of a paced scenario (latency default 5000, soak 1000)
          --seconds N                    length of a paced scenario (latency default 60, soak 1800)
          --months N                     months of care to generate instead of the scenario's (a shorter national-year or soak)
          --timeout N                    seconds to wait for the pipeline to finish (default 1800)
          --skip-peers                   do not run the consume+parse ceiling and the COPY batch peer
          --results DIR                  where latest.json and runs/ go (default load-tests/results)

        scale-out only:
          --kill-silo-at F               SIGKILL the first silo when the share F of the declarations is durable (default 0.3; none: never)
          --kill-worker-at F             SIGKILL the first worker when the share F is durable (default 0.6; none: never)
          --restart-after N              start a replacement N seconds after each kill (default 5)
          --no-restart                   no replacements: the surviving silo and worker carry on alone
          --session-timeout-ms N         the workers' Kafka session timeout (default 6000)
        """;

    public static HarnessOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-')) throw new ArgumentException("Name a scenario.");
        var options = new HarnessOptions { Scenario = args[0] };
        for (var i = 1; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--bootstrap-servers" => options with { BootstrapServers = Value() },
                "--partitions" => options with { Partitions = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--scale" => options with { Scale = decimal.Parse(Value(), CultureInfo.InvariantCulture) },
                "--rate" => options with { Rate = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--seconds" => options with { Duration = TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--timeout" => options with { Timeout = TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--months" => options with { Months = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--skip-peers" => options with { SkipPeers = true },
                "--results" => options with { ResultsDirectory = Path.GetFullPath(Value()) },
                "--kill-silo-at" => options with { KillSiloAt = Share(args[i], Value()) },
                "--kill-worker-at" => options with { KillWorkerAt = Share(args[i], Value()) },
                "--restart-after" => options with { RestartAfter = TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--no-restart" => options with { RestartAfter = null },
                "--session-timeout-ms" => options with { SessionTimeoutMs = int.Parse(Value(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        if (options.Partitions < 1) throw new ArgumentException("--partitions must be at least 1.");
        if (options.Scale <= 0) throw new ArgumentException("--scale must be positive.");
        if (options.RestartAfter is { } restart && restart < TimeSpan.Zero) throw new ArgumentException("--restart-after must not be negative.");
        return options;
    }

    /// <summary>A share strictly between 0 and 1, or "none".</summary>
    private static double? Share(string option, string value)
    {
        if (value == "none") return null;
        var share = double.Parse(value, CultureInfo.InvariantCulture);
        return share is > 0 and < 1 ? share : throw new ArgumentException($"{option} must lie between 0 and 1 (a share of the declarations), or be none.");
    }

    /// <summary>load-tests/results of the repository the command runs in (found by its solution file).</summary>
    private static string DefaultResultsDirectory()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SociaalDomein.Streaming.sln")))
                return Path.Combine(dir.FullName, "load-tests", "results");
        }
        return Path.GetFullPath("results");
    }
}
