using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace LeadPS.Tests.Infrastructure;

/// <summary>
/// A real PowerShell engine, hosted in-process, with the built LeadPS module imported. Every
/// script's output and all six other streams are captured for assertions.
/// </summary>
public sealed class PowerShellSession : IDisposable
{
    private const string TerminatingVariable = "__LeadPSTestTerminatingError";

    private readonly Runspace _runspace;

    public PowerShellSession(bool importModule = true)
    {
        var state = InitialSessionState.CreateDefault2();
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
        if (importModule)
        {
            Run("Import-Module $args[0] -ErrorAction Stop", RepoPaths.ModuleManifest).ThrowIfErrors();
        }
    }

    public Runspace Runspace => _runspace;

    /// <summary>Runs a script; <paramref name="arguments"/> arrive as $args.</summary>
    public ScriptResult Run(string script, params object?[] arguments) => RunWith(script, null, arguments);

    /// <summary>Runs a script with named variables set first (e.g. credentials built in C#).</summary>
    public ScriptResult RunWith(string script, IDictionary? variables, params object?[] arguments)
    {
        using var ps = PowerShell.Create();
        ps.Runspace = _runspace;
        if (variables != null)
        {
            foreach (DictionaryEntry entry in variables)
            {
                _runspace.SessionStateProxy.SetVariable((string)entry.Key, entry.Value);
            }
        }

        // A terminating error ends the script and lands in the catch; non-terminating ones flow to the error stream.
        _runspace.SessionStateProxy.SetVariable(TerminatingVariable, null);
        ps.AddScript("try { & {\n" + script + "\n} @args } catch { $global:" + TerminatingVariable + " = $_ }");
        foreach (var argument in arguments)
        {
            ps.AddArgument(argument);
        }

        var output = new List<PSObject>();
        ErrorRecord? terminating = null;
        try
        {
            output.AddRange(ps.Invoke());
            terminating = _runspace.SessionStateProxy.GetVariable(TerminatingVariable) as ErrorRecord;
        }
        catch (RuntimeException ex)
        {
            terminating = ex.ErrorRecord;
        }

        return new ScriptResult(
            output,
            ps.Streams.Error.ToList(),
            ps.Streams.Warning.Select(w => w.Message).ToList(),
            ps.Streams.Verbose.Select(v => v.Message).ToList(),
            ps.Streams.Debug.Select(d => d.Message).ToList(),
            ps.Streams.Information.Select(i => i.MessageData?.ToString() ?? string.Empty).ToList(),
            ps.Streams.Progress.Select(p => p.StatusDescription + " " + p.Activity + " " + p.CurrentOperation).ToList(),
            terminating);
    }

    public void Dispose() => _runspace.Dispose();
}

/// <summary>What a script produced, stream by stream.</summary>
public sealed record ScriptResult(
    IReadOnlyList<PSObject> Output,
    IReadOnlyList<ErrorRecord> Errors,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Verbose,
    IReadOnlyList<string> Debug,
    IReadOnlyList<string> Information,
    IReadOnlyList<string> Progress,
    ErrorRecord? TerminatingRecord)
{
    /// <summary>The exception of the error that ended the script, if one did.</summary>
    public Exception? Terminating => TerminatingRecord?.Exception;

    public ScriptResult ThrowIfErrors()
    {
        if (Terminating != null)
        {
            throw new InvalidOperationException("Script failed: " + Terminating.Message, Terminating);
        }

        if (Errors.Count > 0)
        {
            throw new InvalidOperationException("Script wrote errors: " + string.Join(" | ", Errors.Select(e => e.ToString())));
        }

        return this;
    }

    /// <summary>Every stream as text, plus each error's full detail, for searching for leaks.</summary>
    public string AllText()
    {
        var parts = new List<string>();
        parts.AddRange(Output.Select(o => o?.ToString() ?? string.Empty));
        parts.AddRange(Output.SelectMany(o => o?.Properties.Select(p => SafeValue(p)) ?? Enumerable.Empty<string>()));
        parts.AddRange(Errors.SelectMany(Describe));
        parts.AddRange(Warnings);
        parts.AddRange(Verbose);
        parts.AddRange(Debug);
        parts.AddRange(Information);
        parts.AddRange(Progress);
        if (TerminatingRecord != null)
        {
            parts.AddRange(Describe(TerminatingRecord));
        }

        return string.Join("\n", parts);
    }

    private static IEnumerable<string> Describe(ErrorRecord record)
    {
        yield return record.ToString();
        yield return record.Exception?.ToString() ?? string.Empty;
        yield return record.ErrorDetails?.Message ?? string.Empty;
        yield return record.ErrorDetails?.RecommendedAction ?? string.Empty;
        yield return record.TargetObject?.ToString() ?? string.Empty;
        if (record.Exception is LeadApiException lead)
        {
            yield return lead.ResponseBody ?? string.Empty;
            yield return lead.ServerMessage ?? string.Empty;
        }
    }

    private static string SafeValue(PSPropertyInfo property)
    {
        try
        {
            return property.Name + "=" + property.Value;
        }
        catch (Exception ex)
        {
            return property.Name + "!" + ex.GetType().Name;
        }
    }
}
