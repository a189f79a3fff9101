using System.CommandLine;
using SociaalDomein.Cli;

// On SIGTERM/Ctrl+C System.CommandLine cancels the command's token and, by default, kills the process 2 s later with
// exit code 143. `serve` needs its host's own shutdown timeout (SociaalDomein:ShutdownTimeoutSeconds, at most 3 600 s)
// to let the worker finish its lanes and commit, so System.CommandLine waits as long as that can take.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(3_600 + 60) };
return await SdStreamCli.Create().Parse(args).InvokeAsync(invocation);
