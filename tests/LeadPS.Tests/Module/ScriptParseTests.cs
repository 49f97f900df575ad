using System.Management.Automation.Language;
using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Module;

/// <summary>Every PowerShell file in the repository parses (the Pester suite runs only some of them in pwsh).</summary>
public class ScriptParseTests
{
    public static IEnumerable<object[]> ScriptFiles() =>
        Directory.EnumerateFiles(RepoPaths.Root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".ps1", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".psd1", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".psm1", StringComparison.OrdinalIgnoreCase))
            .Where(f => !IsBuildOutput(Path.GetRelativePath(RepoPaths.Root, f)))
            .Select(f => new object[] { Path.GetRelativePath(RepoPaths.Root, f) });

    [Theory]
    [MemberData(nameof(ScriptFiles))]
    public void Parses_without_errors(string relativePath)
    {
        Parser.ParseFile(Path.Combine(RepoPaths.Root, relativePath), out _, out var errors);

        Assert.True(errors.Length == 0, string.Join(Environment.NewLine, errors.Select(e => $"{relativePath}:{e.Extent.StartLineNumber}: {e.Message}")));
    }

    [Fact]
    public void The_repository_has_scripts_to_check() =>
        Assert.Contains(ScriptFiles(), f => (string)f[0] == "build.ps1");

    private static bool IsBuildOutput(string relative)
    {
        var first = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return first.Contains("bin") || first.Contains("obj") || first[0] == "out" || first[0] == ".git" || first[0] == "TestResults";
    }
}
