using System.IO.Compression;
using System.Xml.Linq;
using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Module;

/// <summary>The package a PowerShell repository receives: module files at its root, gallery metadata.</summary>
public sealed class PackageTests : IDisposable
{
    private readonly string _extracted = Path.Combine(Path.GetTempPath(), "leadps-package-" + Guid.NewGuid().ToString("N"));
    private readonly PowerShellSession _session = new(importModule: false);

    public void Dispose()
    {
        _session.Dispose();
        if (Directory.Exists(_extracted))
        {
            Directory.Delete(_extracted, recursive: true);
        }
    }

    [Fact]
    public void The_package_holds_the_module_at_its_root()
    {
        using var zip = ZipFile.OpenRead(PackagePath());
        var entries = zip.Entries.Select(e => e.FullName).ToList();

        foreach (var file in new[] { "LeadPS.psd1", "LeadPS.dll", "LeadPS.Core.dll", "LeadPS.Sandbox.dll", "Newtonsoft.Json.dll", "LeadPS.Format.ps1xml", "LICENSE", "CHANGELOG.md", "LeadPS.nuspec" })
        {
            Assert.Contains(file, entries);
        }

        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.EndsWith("System.Management.Automation.dll", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_nuspec_carries_the_manifest_version_license_and_a_tag_per_command()
    {
        using var zip = ZipFile.OpenRead(PackagePath());
        using var stream = zip.GetEntry("LeadPS.nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().First(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().First(e => e.Name.LocalName == name).Value;

        var manifest = _session.Run("Test-ModuleManifest -Path $args[0]", RepoPaths.ModuleManifest).ThrowIfErrors().Output.Single();
        Assert.Equal("LeadPS", Value("id"));
        Assert.Equal(((Version)manifest.Properties["Version"].Value).ToString(3), Value("version"));
        Assert.Equal("MIT", Value("license"));
        var tags = Value("tags").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("PSModule", tags);
        var cmdlets = ((System.Collections.IDictionary)manifest.Properties["ExportedCmdlets"].Value).Keys.Cast<string>().ToList();
        Assert.NotEmpty(cmdlets);
        Assert.All(cmdlets, c => Assert.Contains("PSCmdlet_" + c, tags));
        Assert.Equal(cmdlets.Count, tags.Count(t => t.StartsWith("PSCmdlet_", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_extracted_package_imports_as_a_module()
    {
        ZipFile.ExtractToDirectory(PackagePath(), Path.Combine(_extracted, "LeadPS"));

        var manifest = Path.Combine(_extracted, "LeadPS", "LeadPS.psd1");
        var result = _session.Run("Import-Module $args[0] -PassThru | ForEach-Object { $_.ExportedCmdlets.Count }; Connect-LeadApi -Platform Copper -Sandbox -PassThru | ForEach-Object Platform", manifest).ThrowIfErrors();

        Assert.Equal(8, (int)result.Output[0].BaseObject);
        Assert.Equal("Copper", result.Output[1].ToString());
    }

    private static string PackagePath() =>
        Directory.GetFiles(Path.Combine(RepoPaths.Root, "out", "package"), "LeadPS.*.nupkg").OrderByDescending(File.GetLastWriteTimeUtc).First();
}
