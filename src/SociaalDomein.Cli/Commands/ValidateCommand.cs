using System.CommandLine;
using SociaalDomein.Ingestion.Publishing;
using SociaalDomein.Messages.Reading;

namespace SociaalDomein.Cli.Commands;

/// <summary><c>sdstream validate</c>: checks message files without running anything, and explains every refusal.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Message files or directories.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Validate iJw/iWmo message files and explain what is wrong.") { paths };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var invalid = 0;
            var checkedFiles = 0;
            foreach (var path in parse.GetValue(paths)!)
            {
                IEnumerable<string> files = Directory.Exists(path) ? MessagePublisher.FindMessageFiles(path) : [path];
                foreach (var file in files)
                {
                    checkedFiles++;
                    if (!File.Exists(file))
                    {
                        await Console.Error.WriteLineAsync($"{file}: no such file.");
                        invalid++;
                        continue;
                    }
                    try
                    {
                        var message = MessageReader.Read(await File.ReadAllBytesAsync(file, cancellationToken), file);
                        Console.WriteLine($"{file}: valid {message.Standard} {(int)message.Type} {message.Key}");
                    }
                    catch (InvalidMessageException e)
                    {
                        invalid++;
                        foreach (var error in e.Errors) Console.WriteLine($"{file}: {error}");
                    }
                }
            }
            Console.WriteLine($"{checkedFiles - invalid} valid, {invalid} invalid.");
            return invalid == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
        });
        return command;
    }
}
