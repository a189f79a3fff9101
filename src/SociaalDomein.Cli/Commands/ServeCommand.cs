using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using SociaalDomein.Host.Composition;

namespace SociaalDomein.Cli.Commands;

/// <summary>
/// <c>sdstream serve</c>: the long-running host process of a production deployment. Its roles and every connection come
/// from configuration (appsettings.json, then environment variables such as <c>Kafka__BootstrapServers</c>).
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var settings = new Option<FileInfo?>("--settings") { Description = "A JSON settings file read before the environment variables." };
        var command = new Command("serve", "Run the host (silo, worker, alert publisher) against external Kafka and PostgreSQL.") { settings };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = new ConfigurationBuilder();
            if (parse.GetValue(settings) is { } file) configuration.AddJsonFile(file.FullName, optional: false);
            configuration.AddEnvironmentVariables();
            IHost host;
            try
            {
                host = SociaalDomeinHost.CreateBuilder(configuration.Build()).Build();
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                await Console.Error.WriteLineAsync($"sdstream serve: {e.Message}");
                return ExitCodes.BadInput;
            }
            using (host)
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
