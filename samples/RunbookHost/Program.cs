using System.Management.Automation;
using System.Management.Automation.Runspaces;
using LeadPS.RunbookHost;

// Usage: dotnet run --project samples/RunbookHost -- <script.ps1> [script arguments...]
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: RunbookHost <script.ps1> [arguments...]");
    return 2;
}

var script = Path.GetFullPath(args[0]);
if (!File.Exists(script))
{
    Console.Error.WriteLine($"RunbookHost: no script at '{script}'.");
    return 2;
}

var root = FindRepoRoot(AppContext.BaseDirectory) ?? FindRepoRoot(script);
var manifest = root == null ? null : Path.Combine(root, "out", "LeadPS", "LeadPS.psd1");
if (manifest == null || !File.Exists(manifest))
{
    Console.Error.WriteLine("RunbookHost: the LeadPS module is not built (dotnet build LeadPS.sln lays it out in out/LeadPS).");
    return 2;
}

// Plain text for logs and CI: no ANSI sequences in formatted output.
var host = new ConsoleHost();
var state = InitialSessionState.CreateDefault2();
state.ImportPSModule(manifest);
using var runspace = RunspaceFactory.CreateRunspace(host, state);
runspace.Open();

using var ps = PowerShell.Create();
ps.Runspace = runspace;
// Everything the script writes, errors included, goes through Out-Default: formatted as pwsh shows it.
ps.AddCommand(script);
foreach (var argument in args.Skip(1))
{
    ps.AddArgument(argument);
}

ps.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
ps.AddCommand("Out-Default");
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    ps.Stop();
};

try
{
    ps.Invoke();
}
catch (RuntimeException ex)
{
    Console.WriteLine(ex.ErrorRecord?.ToString() ?? ex.Message);
    return 1;
}

return host.ExitCode;

static string? FindRepoRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "LeadPS.sln")))
        {
            return dir.FullName;
        }
    }

    return null;
}
