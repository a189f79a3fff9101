using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SociaalDomein.Host.Composition;
using SociaalDomein.Host.Configuration;

namespace SociaalDomein.Cli.Commands;

/// <summary>
/// <c>sdstream serve</c>: the long-running host process of a production deployment. Its roles and every connection come
/// from configuration (a JSON settings file, then environment variables such as <c>Kafka__BootstrapServers</c>). SIGTERM
/// stops it gracefully: the worker finishes the records in its lanes and commits, the silo deactivates its grains.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var settings = new Option<FileInfo?>("--settings") { Description = "A JSON settings file read before the environment variables." };
        var command = new Command("serve", "Run the host (silo, worker, alert publisher, HTTP health/metrics/API) against external Kafka and PostgreSQL.") { settings };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = new ConfigurationBuilder();
            if (parse.GetValue(settings) is { } file)
            {
                if (!file.Exists)
                {
                    await Console.Error.WriteLineAsync($"sdstream serve: the settings file '{file.FullName}' does not exist.");
                    return ExitCodes.BadInput;
                }
                configuration.AddJsonFile(file.FullName, optional: false);
            }
            configuration.AddEnvironmentVariables();
            Microsoft.AspNetCore.Builder.WebApplication host;
            try
            {
                host = SociaalDomeinHost.Build(SociaalDomeinHost.CreateBuilder(configuration.Build()));
            }
            catch (InvalidSettingsException e)
            {
                await Console.Error.WriteLineAsync($"sdstream serve: {e.Message}");
                return ExitCodes.BadInput;
            }
            await using (host)
            {
                try
                {
                    await host.RunAsync(cancellationToken);
                }
                catch (Microsoft.Extensions.Options.OptionsValidationException e)
                {
                    await Console.Error.WriteLineAsync($"sdstream serve: configuration is invalid: {string.Join(" ", e.Failures)}");
                    return ExitCodes.BadInput;
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
