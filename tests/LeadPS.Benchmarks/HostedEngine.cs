using System.Collections;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using LeadPS.Http;
using LeadPS.Sandbox;

namespace LeadPS.Benchmarks;

/// <summary>
/// The PowerShell engine hosted in-process (the System.Management.Automation package), with the
/// built module imported from out/LeadPS and one benchmark-only sink cmdlet, Measure-BenchOutput.
/// </summary>
internal sealed class HostedEngine : IDisposable
{
    private readonly Runspace _runspace;

    public HostedEngine(string manifest)
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(manifest);
        state.Commands.Add(new SessionStateCmdletEntry("Measure-BenchOutput", typeof(MeasureBenchOutputCommand), null));
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
        var loaded = Run(ps => ps.AddScript("(Get-Module LeadPS).Path"));
        if (loaded.Output.Count != 1)
        {
            throw new InvalidOperationException($"The LeadPS module was not imported from '{manifest}'.");
        }

        ModulePath = loaded.Output[0].ToString();
    }

    public string ModulePath { get; }

    /// <summary>Connect-LeadApi -Platform Copper -Sandbox, as a runbook would; returns the connection (-PassThru).</summary>
    public LeadApiConnection ConnectCopperSandbox(string name, SandboxOptions options, int? maximumRetryCount = null, int? timeoutSec = null) =>
        ConnectSandbox("Copper", name, options, maximumRetryCount, timeoutSec);

    /// <summary>Connect-LeadApi -Platform Ivvy -Sandbox, as a runbook would; returns the connection (-PassThru).</summary>
    public LeadApiConnection ConnectIvvySandbox(string name, SandboxOptions options) => ConnectSandbox("Ivvy", name, options, null, null);

    private LeadApiConnection ConnectSandbox(string platform, string name, SandboxOptions options, int? maximumRetryCount, int? timeoutSec)
    {
        var run = Run(ps =>
        {
            ps.AddCommand("Connect-LeadApi")
                .AddParameter("Platform", platform)
                .AddParameter("Sandbox")
                .AddParameter("SandboxOption", options)
                .AddParameter("Name", name)
                .AddParameter("PassThru");
            if (maximumRetryCount.HasValue)
            {
                ps.AddParameter("MaximumRetryCount", maximumRetryCount.Value);
            }

            if (timeoutSec.HasValue)
            {
                ps.AddParameter("TimeoutSec", timeoutSec.Value);
            }
        });
        if (run.Errors.Count > 0 || run.Output.Count != 1 || run.Output[0].BaseObject is not LeadApiConnection connection)
        {
            throw new InvalidOperationException("Connect-LeadApi -Sandbox failed: " + string.Join(" | ", run.Errors.Select(e => e.ToString())));
        }

        return connection;
    }

    public void Disconnect(string name) => Run(ps => ps.AddCommand("Disconnect-LeadApi").AddParameter("Name", name));

    /// <summary>Runs a pipeline built by <paramref name="build"/>, optionally with pipeline input, and times it.</summary>
    public PipelineRun Run(Action<PowerShell> build, IEnumerable? input = null)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        build(ps);
        var stopwatch = Stopwatch.StartNew();
        var output = input == null ? ps.Invoke() : ps.Invoke(input);
        stopwatch.Stop();
        return new PipelineRun(
            output,
            ps.Streams.Error.ToList(),
            ps.Streams.Warning.Select(w => w.Message).ToList(),
            stopwatch.Elapsed);
    }

    public void Dispose() => _runspace.Dispose();
}

/// <summary>What one pipeline produced and how long it took.</summary>
internal sealed record PipelineRun(Collection<PSObject> Output, IReadOnlyList<ErrorRecord> Errors, IReadOnlyList<string> Warnings, TimeSpan Elapsed)
{
    /// <summary>The number of objects Measure-BenchOutput counted at the end of the pipeline.</summary>
    public long Counted => Output.Count == 2 && Output[0].BaseObject is long n
        ? n
        : throw new InvalidOperationException($"Expected a count and a CPU time from Measure-BenchOutput, got {Output.Count} objects.");

    /// <summary>CPU time of the pipeline thread while the pipeline ran (Linux; null elsewhere), from Measure-BenchOutput.</summary>
    public TimeSpan? PipelineThreadCpu => Output.Count == 2 && Output[1].BaseObject is TimeSpan cpu ? cpu : null;

    public string ErrorSummary(int max = 3) => Errors.Count == 0
        ? "none"
        : string.Join(" | ", Errors.Take(max).Select(e => e.FullyQualifiedErrorId + ": " + e.Exception?.Message)) + (Errors.Count > max ? $" (+{Errors.Count - max} more)" : string.Empty);
}

/// <summary>
/// Counts what reaches the end of the pipeline and keeps none of it (as cheap as Out-Null), then
/// writes the count and the CPU time the pipeline thread used from this command's BeginProcessing
/// (before the upstream command's first input) to its EndProcessing (after the upstream command
/// finished). Registered in the hosted session only; not part of LeadPS.
/// </summary>
[Cmdlet("Measure", "BenchOutput")]
public sealed class MeasureBenchOutputCommand : PSCmdlet
{
    private long _count;
    private TimeSpan? _cpuAtStart;

    [Parameter(ValueFromPipeline = true)]
    [AllowNull]
    public PSObject? InputObject { get; set; }

    protected override void BeginProcessing() => _cpuAtStart = ThreadCpu.Current();

    protected override void ProcessRecord() => _count++;

    protected override void EndProcessing()
    {
        WriteObject(_count);
        var now = ThreadCpu.Current();
        WriteObject(now.HasValue && _cpuAtStart.HasValue ? now.Value - _cpuAtStart.Value : null);
    }
}

/// <summary>The calling thread's CPU time (user + system) from /proc/thread-self/stat; null where there is none.</summary>
internal static class ThreadCpu
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on Linux

    public static TimeSpan? Current()
    {
        try
        {
            const string stat = "/proc/thread-self/stat";
            if (!File.Exists(stat))
            {
                return null;
            }

            // Fields after the command name (which is in parentheses and may hold spaces): utime is the 14th field, stime the 15th.
            var text = File.ReadAllText(stat);
            var fields = text.Substring(text.LastIndexOf(')') + 2).Split(' ');
            var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / TicksPerSecond);
        }
        catch (Exception ex) when (ex is IOException or FormatException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
