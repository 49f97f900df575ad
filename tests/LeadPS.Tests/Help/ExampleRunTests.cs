using System.Management.Automation.Language;
using LeadPS.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LeadPS.Tests.Help;

/// <summary>
/// The help's examples are meant to be pasted: every example that needs only the Sandbox and
/// commands the hosted engine has (its Core cmdlets, LeadPS, and the stand-ins below) is run, each
/// in a fresh session, and must finish without a terminating error and without an error record.
/// Examples that need a real account, a file or a prompt (Get-Credential, Import-Csv, Read-Host)
/// are only parsed (HelpFileTests).
/// </summary>
public sealed class ExampleRunTests
{
    /// <summary>
    /// Faithful stand-ins, for the subset of parameters the examples use, of Utility cmdlets the
    /// hosted engine lacks. Any other use fails parameter binding, so the test cannot pass by accident.
    /// </summary>
    private const string StandIns = """
        function global:Add-Member {
            [CmdletBinding()]
            param(
                [Parameter(Mandatory, ValueFromPipeline)] [psobject] $InputObject,
                [Parameter(Mandatory)] [string] $NotePropertyName,
                [Parameter(Mandatory)] [AllowNull()] [AllowEmptyString()] $NotePropertyValue,
                [switch] $PassThru)
            process {
                $InputObject.psobject.Properties.Add([psnoteproperty]::new($NotePropertyName, $NotePropertyValue))
                if ($PassThru) { $InputObject }
            }
        }
        """;

    private static readonly Lazy<IReadOnlySet<string>> AvailableCommands = new(ReadAvailableCommands);

    private readonly ITestOutputHelper _output;

    public ExampleRunTests(ITestOutputHelper output)
    {
        _output = output;
    }

    public static TheoryData<string, int> RunnableExamples()
    {
        var data = new TheoryData<string, int>();
        foreach (var example in HelpCatalog.Examples().Where(IsRunnable))
        {
            data.Add(example.Command, example.Number);
        }

        return data;
    }

    [Fact]
    public void Most_examples_run_against_the_Sandbox()
    {
        var all = HelpCatalog.Examples();
        var runnable = all.Where(IsRunnable).ToList();
        _output.WriteLine("Not run (need a real account, a file or a prompt): " + string.Join(", ", all.Except(runnable)));

        Assert.True(runnable.Count >= 20, $"only {runnable.Count} of {all.Count} examples can run");
        Assert.All(HelpCatalog.ExportedCmdlets, c => Assert.True(runnable.Count(e => e.Command == c) >= 2, $"{c}: fewer than 2 runnable examples"));
    }

    [Theory]
    [MemberData(nameof(RunnableExamples))]
    public void Example_runs_without_errors(string command, int number)
    {
        var example = HelpCatalog.Examples().Single(e => e.Command == command && e.Number == number);
        var result = Run(example);

        foreach (var line in result.Output)
        {
            _output.WriteLine("output: " + Describe(line));
        }

        foreach (var warning in result.Warnings)
        {
            _output.WriteLine("warning: " + warning);
        }

        Assert.Null(result.TerminatingRecord);
        Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors.Select(e => e.FullyQualifiedErrorId + ": " + e)));
    }

    private static string Describe(object? value)
    {
        try
        {
            return value?.ToString() ?? "(null)";
        }
        catch (System.Management.Automation.ExtendedTypeSystemException)
        {
            // Script-defined ToString (e.g. the total count of -IncludeTotalCount) needs a runspace.
            return (value as System.Management.Automation.PSObject)?.BaseObject.ToString() ?? "(unprintable)";
        }
    }

    /// <summary>Runs an example's code in a new session with the module imported and the stand-ins defined.</summary>
    internal static ScriptResult Run(HelpExample example)
    {
        using var session = new PowerShellSession();
        session.Run(StandIns).ThrowIfErrors();
        return session.Run(example.Code);
    }

    internal static bool IsRunnable(HelpExample example)
    {
        var ast = Parser.ParseInput(example.Code, out _, out var errors);
        if (errors.Length > 0)
        {
            return false;
        }

        var commands = ast.FindAll(a => a is CommandAst, true).Cast<CommandAst>().ToList();
        var names = commands.Select(c => c.GetCommandName()).ToList();

        // Never reach for a real platform: every connection an example makes must be a Sandbox.
        var connectsForReal = commands.Any(c => c.GetCommandName() == "Connect-LeadApi"
            && !c.CommandElements.OfType<CommandParameterAst>().Any(p => p.ParameterName.Equals("Sandbox", StringComparison.OrdinalIgnoreCase)));
        return !connectsForReal && names.All(n => n != null && AvailableCommands.Value.Contains(n));
    }

    private static IReadOnlySet<string> ReadAvailableCommands()
    {
        using var session = new PowerShellSession();
        session.Run(StandIns).ThrowIfErrors();
        // A module on PSModulePath is listed even when this engine cannot load it (run from pwsh, the
        // path names pwsh's own Utility module, built for another engine): count only what loads.
        var result = session.Run("""
            $loads = @{}
            Get-Command -CommandType Cmdlet, Function, Alias | Where-Object {
                $module = $_.ModuleName
                if (-not $module -or $module -eq 'Microsoft.PowerShell.Core' -or (Get-Module $module)) { return $true }
                if (-not $loads.ContainsKey($module)) {
                    $loads[$module] = try { [bool](Import-Module $module -PassThru -ErrorAction Stop) } catch { $false }
                }
                $loads[$module]
            } | ForEach-Object { $_.Name }
            """).ThrowIfErrors();
        return result.Output.Select(o => o.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
