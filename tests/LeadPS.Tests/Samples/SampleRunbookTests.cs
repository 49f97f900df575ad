using System.Diagnostics;
using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Samples;

/// <summary>The README's main job, run as a user runs it: the sample runbook through RunbookHost.</summary>
public class SampleRunbookTests
{
    [Fact]
    public void The_sample_runbook_reports_created_updated_and_failed_rows()
    {
        var (exitCode, output) = RunHost(Path.Combine(RepoPaths.Root, "samples", "Invoke-SampleRunbook.ps1"));

        Assert.True(exitCode == 0, output);
        Assert.DoesNotContain("\u001b[", output);
        // Copper: 3 rows upserted (one of them an existing lead), a conflict and two bad rows reported by ErrorId.
        Assert.Matches(@"Upserted\s+8982702\s+Grace Hopper", output);
        Assert.Matches(@"Upserted\s+\d+\s+Ada Lovelace", output);
        Assert.Matches(@"Alan Turing\s+LeadMatchConflict\s+Multiple leads match the criteria: 8982703, 8982704", output);
        Assert.Matches(@"Bad Budget\s+LeadInvalid", output);
        Assert.Matches(@"Bad Email\s+LeadInvalid", output);
        Assert.Contains("== Copper: leads now in the Sandbox: 5", output);
        // iVvy: two adds, a row missing its stage, then an upsert that updates one lead and adds another.
        Assert.Matches(@"Created\s+1001 Harbourside Christmas party", output);
        Assert.Matches(@"Wedding enquiry\s+LeadInvalid\s+Cannot add the iVvy lead: 'stageId' is missing", output);
        Assert.Matches(@"Updated\s+1002 Summit tech offsite", output);
        Assert.Matches(@"Created\s+1003 Greenfield graduation", output);
        Assert.Contains("== iVvy: leads now in the Sandbox: 3", output);
    }

    [Fact]
    public void The_host_reports_a_missing_script_and_fails()
    {
        var (exitCode, output) = RunHost(Path.Combine(RepoPaths.Root, "samples", "No-Such-Runbook.ps1"));

        Assert.Equal(2, exitCode);
        Assert.Contains("no script at", output);
    }

    private static (int ExitCode, string Output) RunHost(string script)
    {
        var hostDll = Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "RunbookHost", "bin"), "RunbookHost.dll", SearchOption.AllDirectories)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .First();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        start.ArgumentList.Add(hostDll);
        start.ArgumentList.Add(script);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("RunbookHost did not finish within 2 minutes.");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
