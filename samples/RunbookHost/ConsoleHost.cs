using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;

namespace LeadPS.RunbookHost;

/// <summary>A minimal non-interactive host: every stream goes to the console, nothing is read.</summary>
internal sealed class ConsoleHost : PSHost
{
    private readonly ConsoleUserInterface _ui = new();

    public override CultureInfo CurrentCulture => CultureInfo.CurrentCulture;

    public override CultureInfo CurrentUICulture => CultureInfo.CurrentUICulture;

    public override Guid InstanceId { get; } = Guid.NewGuid();

    public override string Name => "LeadPS.RunbookHost";

    public override PSHostUserInterface UI => _ui;

    public override Version Version => new(1, 0);

    public int ExitCode { get; private set; }

    public override void EnterNestedPrompt() => throw new NotSupportedException("The runbook host is not interactive.");

    public override void ExitNestedPrompt() => throw new NotSupportedException("The runbook host is not interactive.");

    public override void NotifyBeginApplication()
    {
    }

    public override void NotifyEndApplication()
    {
    }

    public override void SetShouldExit(int exitCode) => ExitCode = exitCode;
}

internal sealed class ConsoleUserInterface : PSHostUserInterface
{
    private readonly ConsoleRawUserInterface _raw = new();

    public override PSHostRawUserInterface RawUI => _raw;

    // Plain text for logs and CI: formatting decorates headers with ANSI sequences, and a host strips them.
    private static readonly System.Text.RegularExpressions.Regex Ansi = new("\u001b\\[[0-9;]*[A-Za-z]");

    public override bool SupportsVirtualTerminal => false;

    public override void Write(string value) => Console.Write(Plain(value));

    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Console.Write(Plain(value));

    public override void WriteLine(string value) => Console.WriteLine(Plain(value));

    public override void WriteErrorLine(string value) => Console.WriteLine(Plain(value));

    public override void WriteWarningLine(string message) => Console.WriteLine("WARNING: " + Plain(message));

    public override void WriteVerboseLine(string message) => Console.WriteLine("VERBOSE: " + Plain(message));

    public override void WriteDebugLine(string message) => Console.WriteLine("DEBUG: " + Plain(message));

    private static string Plain(string text) => Ansi.Replace(text ?? string.Empty, string.Empty);

    // Progress bars do not belong in a log; the runbook reports its own summary.
    public override void WriteProgress(long sourceId, ProgressRecord record)
    {
    }

    public override string ReadLine() => throw new NotSupportedException("The runbook host is not interactive.");

    public override System.Security.SecureString ReadLineAsSecureString() => throw new NotSupportedException("The runbook host is not interactive.");

    public override Dictionary<string, PSObject> Prompt(string caption, string message, System.Collections.ObjectModel.Collection<FieldDescription> descriptions) =>
        throw new NotSupportedException("The runbook host is not interactive: " + message);

    public override int PromptForChoice(string caption, string message, System.Collections.ObjectModel.Collection<ChoiceDescription> choices, int defaultChoice) =>
        throw new NotSupportedException("The runbook host is not interactive (-Confirm needs a console): " + message);

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        throw new NotSupportedException("The runbook host is not interactive: pass -Credential.");

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
        throw new NotSupportedException("The runbook host is not interactive: pass -Credential.");
}

internal sealed class ConsoleRawUserInterface : PSHostRawUserInterface
{
    public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;

    public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;

    public override Size BufferSize { get; set; } = new(140, 3000);

    public override Coordinates CursorPosition { get; set; }

    public override int CursorSize { get; set; } = 1;

    public override bool KeyAvailable => false;

    public override Size MaxPhysicalWindowSize => new(140, 100);

    public override Size MaxWindowSize => new(140, 100);

    public override Coordinates WindowPosition { get; set; }

    public override Size WindowSize { get; set; } = new(140, 50);

    public override string WindowTitle { get; set; } = "LeadPS";

    public override void FlushInputBuffer()
    {
    }

    public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();

    public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("The runbook host is not interactive.");

    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill)
    {
    }

    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents)
    {
    }

    public override void SetBufferContents(Rectangle rectangle, BufferCell fill)
    {
    }
}
