using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace LeadPS.Benchmarks;

/// <summary>
/// The benchmark run again as a child process: it hosts its own engine in each of N runspaces,
/// connects each to the loopback Copper Sandbox as the same user (Connect-LeadApi -BaseUri), says
/// "ready", waits for "go" on stdin so every process starts together, upserts its leads from all
/// runspaces at once, and prints one "result" line per runspace.
/// </summary>
internal static class SharedAccountChild
{
    public const string Flag = "--shared-account-child";

    /// <summary>Starts a child: <c>Flag manifest baseUri user prefix runspaces leads budget windowSec</c>.</summary>
    public static Process Start(string manifest, Uri baseUri, string user, string prefix, int runspaces, int leads, int budget, int windowSec)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The benchmark cannot tell its own executable.");
        var start = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in new[] { Flag, manifest, baseUri.AbsoluteUri, user, prefix, I(runspaces), I(leads), I(budget), I(windowSec) })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The child process did not start.");
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrEmpty(e.Data))
            {
                Console.Error.WriteLine($"    [child {process.Id}] {e.Data}");
            }
        };
        process.BeginErrorReadLine();
        return process;
    }

    public static int Run(string[] args)
    {
        var manifest = args[1];
        var baseUri = new Uri(args[2]);
        var user = args[3];
        var prefix = args[4];
        var runspaces = int.Parse(args[5], CultureInfo.InvariantCulture);
        var leads = int.Parse(args[6], CultureInfo.InvariantCulture);
        var budget = int.Parse(args[7], CultureInfo.InvariantCulture);
        var windowSec = int.Parse(args[8], CultureInfo.InvariantCulture);

        var engines = Enumerable.Range(0, runspaces).Select(_ => new HostedEngine(manifest)).ToList();
        try
        {
            var connections = engines.Select((engine, i) => engine.ConnectCopperAt("Shared" + i, baseUri, user, budget, windowSec)).ToList();
            Console.WriteLine("ready");
            if (Console.ReadLine() != "go")
            {
                return 3;
            }

            var runs = engines.Select((engine, i) => Task.Run(() => engine.Run(
                ps => ps.AddCommand("Invoke-LeadUpsert").AddParameter("Connection", connections[i]).AddParameter("ThrottleLimit", 4),
                BenchLeads.Distinct($"{prefix}{Environment.ProcessId}-{i}-", leads)))).ToArray();
            Task.WaitAll(runs);
            for (var i = 0; i < runs.Length; i++)
            {
                var run = runs[i].Result;
                var ids = run.Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).Distinct();
                Console.WriteLine($"result {i} {run.Output.Count} {run.Errors.Count} {run.Warnings.Count} {run.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture)} {string.Join(",", ids)}");
                foreach (var warning in run.Warnings.Take(1))
                {
                    Console.Error.WriteLine("warning: " + warning);
                }
            }

            return 0;
        }
        finally
        {
            engines.ForEach(e => e.Dispose());
        }
    }

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
}
