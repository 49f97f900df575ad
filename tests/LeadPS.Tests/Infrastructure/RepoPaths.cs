namespace LeadPS.Tests.Infrastructure;

/// <summary>Where the repository and the laid-out module are, found from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string ModuleFolder => Path.Combine(Root, "out", "LeadPS");

    public static string ModuleManifest => Path.Combine(ModuleFolder, "LeadPS.psd1");

    public static string SourceManifest => Path.Combine(Root, "LeadPS.psd1");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LeadPS.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LeadPS.sln not found above " + AppContext.BaseDirectory);
    }
}
