using System.CommandLine;
using SociaalDomein.Ingestion.Kafka;
using SociaalDomein.Ingestion.Publishing;

namespace SociaalDomein.Cli.Commands;

/// <summary><c>sdstream publish</c>: puts message files on a Kafka topic, as a backoffice export would.</summary>
public static class PublishCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Message files or directories (their *.xml, in file-name order).", Arity = ArgumentArity.OneOrMore };
        var servers = new Option<string>("--bootstrap-servers") { Description = "Kafka bootstrap servers, host:port[,host:port].", Required = true };
        var topic = new Option<string>("--topic") { Description = "Input topic.", DefaultValueFactory = _ => Topics.Ijw };
        var command = new Command("publish", "Publish iJw/iWmo message files to Kafka.") { paths, servers, topic };
        command.SetAction(async (parse, cancellationToken) =>
        {
            List<string> files;
            try
            {
                files = parse.GetValue(paths)!.SelectMany(p => Directory.Exists(p) ? MessagePublisher.FindMessageFiles(p) :
                    File.Exists(p) ? [p] : throw new FileNotFoundException($"'{p}' is neither a file nor a directory.")).ToList();
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"sdstream publish: {e.Message}");
                return ExitCodes.BadInput;
            }
            using var publisher = new MessagePublisher(new KafkaOptions { BootstrapServers = parse.GetValue(servers)! });
            var positions = await publisher.PublishFilesAsync(parse.GetValue(topic)!, files, cancellationToken: cancellationToken);
            Console.WriteLine($"Published {positions.Count} messages to {parse.GetValue(topic)}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
