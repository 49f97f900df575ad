using System.Globalization;

namespace LeadPS.Benchmarks;

/// <summary>One benchmark: runs, and says what it measured against which goal.</summary>
internal abstract class Scenario
{
    public abstract int Number { get; }

    public abstract string Name { get; }

    public abstract ScenarioResult Run(BenchContext context);

    protected static string F(double value, string format = "0.000") => value.ToString(format, CultureInfo.InvariantCulture);

    protected static string I(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}

/// <summary>One row of the table, and the lines that explain it.</summary>
internal sealed class ScenarioResult
{
    public ScenarioResult(string measured, string value, string goal, bool pass)
    {
        Measured = measured;
        Value = value;
        Goal = goal;
        Pass = pass;
    }

    public string Measured { get; }

    public string Value { get; }

    public string Goal { get; }

    public bool Pass { get; }

    public List<string> Details { get; } = new();

    public TimeSpan Duration { get; set; }
}

internal sealed class BenchContext
{
    public BenchContext(bool quick, HostedEngine engine)
    {
        Quick = quick;
        Engine = engine;
    }

    /// <summary>A small smoke run: fewer leads and a faster clock, a few seconds in all.</summary>
    public bool Quick { get; }

    public HostedEngine Engine { get; }

    /// <summary>Progress goes to stderr so that stdout is the table alone.</summary>
    public static void Log(string message) => Console.Error.WriteLine("  " + message);
}
