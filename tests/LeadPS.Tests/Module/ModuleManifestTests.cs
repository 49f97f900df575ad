using System.Management.Automation;
using System.Reflection;
using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Module;

public sealed class ModuleManifestTests : IDisposable
{
    private readonly PowerShellSession _session = new(importModule: false);

    public void Dispose() => _session.Dispose();

    [Fact]
    public void Built_manifest_passes_Test_ModuleManifest()
    {
        var result = _session.Run("Test-ModuleManifest -Path $args[0] -ErrorAction Stop", RepoPaths.ModuleManifest).ThrowIfErrors();

        var module = Assert.IsType<PSModuleInfo>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("LeadPS", module.Name);
        Assert.Equal(new Version(5, 1), module.PowerShellVersion);
        Assert.Equal(new[] { "Core", "Desktop" }, module.CompatiblePSEditions.OrderBy(e => e));
    }

    [Fact]
    public void Exported_commands_are_exactly_the_manifest_list_and_all_exist()
    {
        // Read the data file with the engine's own parser (Import-PowerShellDataFile is not a Core cmdlet).
        var listed = _session.Run(
            "$ast = [System.Management.Automation.Language.Parser]::ParseFile($args[0], [ref]$null, [ref]$null); $ast.Find({ $args[0] -is [System.Management.Automation.Language.HashtableAst] }, $false).SafeGetValue().CmdletsToExport",
            RepoPaths.ModuleManifest).ThrowIfErrors();

        var manifestNames = listed.Output.Select(o => o.ToString()).OrderBy(n => n).ToList();
        Assert.DoesNotContain(manifestNames, n => n.Contains('*'));

        var exported = _session.Run("Import-Module $args[0] -PassThru | ForEach-Object { $_.ExportedCmdlets.Keys }", RepoPaths.ModuleManifest).ThrowIfErrors();
        var exportedNames = exported.Output.Select(o => o.ToString()).OrderBy(n => n).ToList();

        var cmdletTypes = typeof(LeadPS.LeadCmdlet).Assembly.GetTypes()
            .Select(t => t.GetCustomAttribute<CmdletAttribute>())
            .Where(a => a != null)
            .Select(a => a!.VerbName + "-" + a.NounName)
            .OrderBy(n => n)
            .ToList();

        Assert.Equal(manifestNames, exportedNames);
        Assert.Equal(cmdletTypes, exportedNames);
    }

    [Fact]
    public void Module_version_comes_from_the_manifest_everywhere()
    {
        var result = _session.Run("Import-Module $args[0] -PassThru", RepoPaths.ModuleManifest).ThrowIfErrors();
        var module = (PSModuleInfo)result.Output.Single().BaseObject;

        var assemblyVersion = typeof(LeadPS.LeadCmdlet).Assembly.GetName().Version!;
        Assert.Equal(module.Version.ToString(3), assemblyVersion.ToString(3));
        Assert.Equal(File.ReadAllText(RepoPaths.SourceManifest), File.ReadAllText(RepoPaths.ModuleManifest));
    }

    [Fact]
    public void Module_folder_holds_everything_an_import_needs_and_nothing_of_the_engine()
    {
        var files = Directory.GetFiles(RepoPaths.ModuleFolder).Select(Path.GetFileName).OrderBy(f => f).ToList();

        Assert.Contains("LeadPS.psd1", files);
        Assert.Contains("LeadPS.dll", files);
        Assert.Contains("LeadPS.Core.dll", files);
        Assert.Contains("LeadPS.Sandbox.dll", files);
        Assert.Contains("Newtonsoft.Json.dll", files);
        Assert.Contains("LeadPS.Format.ps1xml", files);
        Assert.DoesNotContain("System.Management.Automation.dll", files);
    }

    [Fact]
    public void Manifest_carries_gallery_metadata()
    {
        var result = _session.Run("(Test-ModuleManifest -Path $args[0]).PrivateData.PSData", RepoPaths.ModuleManifest).ThrowIfErrors();
        var psData = (System.Collections.Hashtable)result.Output.Single().BaseObject;

        Assert.NotNull(psData["ProjectUri"]);
        Assert.NotNull(psData["LicenseUri"]);
        Assert.NotNull(psData["ReleaseNotes"]);
        Assert.Contains("Copper", ((object[])psData["Tags"]!).Cast<string>());
    }
}
