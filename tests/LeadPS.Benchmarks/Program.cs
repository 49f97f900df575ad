using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using LeadPS.Benchmarks;

// Usage (from the repository root):
//   dotnet run -c Release --project tests/LeadPS.Benchmarks [-- [--quick] [--only N[,M...]]]
var quick = false;
var only = new HashSet<int>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--quick":
            quick = true;
            break;
        case "--only" when i + 1 < args.Length:
            foreach (var part in args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    return Usage($"--only takes scenario numbers, not '{part}'.");
                }

                only.Add(n);
            }

            break;
        case "-h":
        case "--help":
            return Usage(null);
        default:
            return Usage($"unknown argument '{args[i]}'.");
    }
}

Scenario[] all = { new PaceScenario(), new LatencyScenario(), new OverheadScenario(), new MemoryScenario(), new FaultScenario(), new IvvyLookupScenario() };
var chosen = all.Where(s => only.Count == 0 || only.Contains(s.Number)).ToArray();
if (chosen.Length == 0)
{
    return Usage($"no scenario numbered {string.Join(", ", only)} (1-{all.Length}).");
}

var root = FindRepoRoot(Directory.GetCurrentDirectory()) ?? FindRepoRoot(AppContext.BaseDirectory);
var manifest = root == null ? null : Path.Combine(root, "out", "LeadPS", "LeadPS.psd1");
if (manifest == null || !File.Exists(manifest))
{
    Console.Error.WriteLine("LeadPS.Benchmarks: the module is not built in out/LeadPS (dotnet build LeadPS.sln, or dotnet run --project tests/LeadPS.Benchmarks, lays it out).");
    return 2;
}

var loadBefore = LoadAverage();
var total = Stopwatch.StartNew();
Console.Error.WriteLine($"LeadPS benchmarks ({(quick ? "quick" : "full")}): hosting the engine and importing {manifest}...");
using var engine = new HostedEngine(manifest);
var context = new BenchContext(quick, engine);
var results = new List<(Scenario Scenario, ScenarioResult Result)>();
foreach (var scenario in chosen)
{
    Console.Error.WriteLine($"[{scenario.Number}] {scenario.Name}");
    var watch = Stopwatch.StartNew();
    ScenarioResult result;
    try
    {
        result = scenario.Run(context);
    }
    catch (Exception ex)
    {
        result = new ScenarioResult("(did not finish)", ex.GetType().Name + ": " + ex.Message, "-", pass: false);
        result.Details.Add(ex.ToString());
    }

    result.Duration = watch.Elapsed;
    Console.Error.WriteLine($"  -> {result.Value} [{(result.Pass ? "PASS" : "FAIL")}] in {result.Duration.TotalSeconds:0.0} s");
    results.Add((scenario, result));
}

total.Stop();
Console.WriteLine(Table(results));
Console.WriteLine();
Console.WriteLine($"{(quick ? "quick" : "full")} run, {total.Elapsed.TotalSeconds:0} s in all; {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}; load average {loadBefore} at the start, {LoadAverage()} at the end (other processes share the cores); module {engine.ModulePath}");
Console.WriteLine();
foreach (var (scenario, result) in results)
{
    Console.WriteLine($"{scenario.Number}. {scenario.Name} ({result.Duration.TotalSeconds:0.0} s)");
    foreach (var line in result.Details)
    {
        Console.WriteLine("   - " + line);
    }
}

return results.All(r => r.Result.Pass) ? 0 : 1;

static string Table(IEnumerable<(Scenario Scenario, ScenarioResult Result)> rows)
{
    var text = new StringBuilder();
    text.AppendLine("| # | scenario | what was measured | result | goal | verdict |");
    text.AppendLine("|---|---|---|---|---|---|");
    foreach (var (scenario, result) in rows)
    {
        text.AppendLine($"| {scenario.Number} | {scenario.Name} | {Cell(result.Measured)} | {Cell(result.Value)} | {Cell(result.Goal)} | {(result.Pass ? "PASS" : "FAIL")} |");
    }

    return text.ToString().TrimEnd();
}

// The 1-minute load average (Linux), to tell a quiet machine's numbers from a busy one's.
static string LoadAverage()
{
    try
    {
        return File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
    }
    catch (IOException)
    {
        return "n/a";
    }
}

static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');

static string? FindRepoRoot(string start)
{
    for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "LeadPS.psd1")) && Directory.Exists(Path.Combine(dir.FullName, "src")))
        {
            return dir.FullName;
        }
    }

    return null;
}

static int Usage(string? problem)
{
    if (problem != null)
    {
        Console.Error.WriteLine("LeadPS.Benchmarks: " + problem);
    }

    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/LeadPS.Benchmarks [-- [--quick] [--only N[,M...]]]");
    Console.Error.WriteLine("  scenarios: 1 pace, 2 latency hiding, 3 overhead, 4 memory, 5 faults, 6 iVvy lookups");
    return problem == null ? 0 : 2;
}
