using System.Diagnostics;
using SociaalDomein.LoadTests;
using SociaalDomein.LoadTests.Results;
using SociaalDomein.LoadTests.Runs;
using SociaalDomein.LoadTests.Scenarios;

// The load-test harness of issue 7. One scenario per process, so that peak RSS and GC figures belong to that scenario.
HarnessOptions options;
try
{
    options = HarnessOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"sd-loadtest: {e.Message}");
    Console.Error.WriteLine(HarnessOptions.Usage);
    return 2;
}

_ = MachineState.Commit(); // read now: the figures belong to the binary that runs, whatever the tree becomes meanwhile

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

if (options.Scenario == "all")
{
    // Each scenario in a fresh process of this same program, one after the other.
    string[][] runs =
    [
        ["region-year"],
        ["month-start-peak"],
        ["latency"],
        ["national-year", "--scale", "0.02"],
    ];
    var failed = 0;
    foreach (var run in runs)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") start.ArgumentList.Add(typeof(HarnessOptions).Assembly.Location);
        foreach (var a in run) start.ArgumentList.Add(a);
        foreach (var a in args.Skip(1)) start.ArgumentList.Add(a);
        using var child = Process.Start(start)!;
        await child.WaitForExitAsync(cancel.Token);
        if (child.ExitCode != 0) failed++;
    }
    return failed == 0 ? 0 : 1;
}

LoadScenario scenario;
try
{
    scenario = LoadScenarioCatalogue.Get(options.Scenario, options.Scale, options.Rate, options.Duration);
    if (options.Months is { } months) scenario = scenario with { Options = scenario.Options with { Months = months } };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"sd-loadtest: {e.Message}");
    return 2;
}
var result = scenario.Name == "scale-out"
    ? await new ScaleOutRun(options, scenario).RunAsync(cancel.Token)
    : await new InProcessRun(options, scenario).RunAsync(cancel.Token);

ResultsFile.Write(options.ResultsDirectory, result);
Console.WriteLine();
Console.WriteLine(Summary.Format(result));
Console.WriteLine($"Results: {Path.Combine(options.ResultsDirectory, "latest.json")}");
return 0;
