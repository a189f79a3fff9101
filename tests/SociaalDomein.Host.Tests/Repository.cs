namespace SociaalDomein.Host.Tests;

/// <summary>Files of the repository the tests run from (README.md, docker-compose.yml, deploy/).</summary>
internal static class Repository
{
    public static DirectoryInfo Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root.FullName, relative);

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static DirectoryInfo FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SociaalDomein.Streaming.sln"))) return directory;
        }
        throw new DirectoryNotFoundException($"No SociaalDomein.Streaming.sln above {AppContext.BaseDirectory}.");
    }
}
