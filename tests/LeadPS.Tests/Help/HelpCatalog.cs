using System.Management.Automation;
using System.Text;
using System.Xml.Linq;
using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Help;

/// <summary>
/// The module's help as files (the hand-maintained MAML and about topic, in the source tree and
/// as laid out in out/LeadPS/en-US) and the facts the help is checked against: the exported
/// cmdlets, read from the imported module once.
/// </summary>
public static class HelpCatalog
{
    public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    public static readonly XNamespace Msh = "http://msh";

    public const string HelpFileName = "LeadPS.dll-Help.xml";
    public const string AboutFileName = "about_LeadPS.help.txt";

    private static readonly Lazy<IReadOnlyList<string>> Exported = new(ReadExportedCmdlets);
    private static readonly Lazy<XDocument> Document = new(() => XDocument.Parse(ReadUtf8(SourceHelpFile)));

    public static string SourceHelpFolder => Path.Combine(RepoPaths.Root, "src", "LeadPS", "en-US");

    public static string ModuleHelpFolder => Path.Combine(RepoPaths.ModuleFolder, "en-US");

    public static string SourceHelpFile => Path.Combine(SourceHelpFolder, HelpFileName);

    public static string SourceAboutFile => Path.Combine(SourceHelpFolder, AboutFileName);

    /// <summary>The cmdlets the imported module exports: (Get-Module LeadPS).ExportedCmdlets.</summary>
    public static IReadOnlyList<string> ExportedCmdlets => Exported.Value;

    public static XDocument HelpXml => Document.Value;

    public static TheoryData<string> Cmdlets()
    {
        var data = new TheoryData<string>();
        foreach (var name in ExportedCmdlets)
        {
            data.Add(name);
        }

        return data;
    }

    /// <summary>Every example of the MAML file, as (command, example number, title, code).</summary>
    public static IReadOnlyList<HelpExample> Examples() =>
        HelpXml.Root!.Elements(Command + "command")
            .SelectMany(command => command.Element(Command + "examples")?.Elements(Command + "example").Select((example, i) => new HelpExample(
                NameOf(command),
                i + 1,
                example.Element(Maml + "title")?.Value.Trim('-', ' ') ?? string.Empty,
                example.Element(Dev + "code")?.Value ?? string.Empty,
                string.Join(" ", example.Element(Dev + "remarks")?.Elements(Maml + "para").Select(p => p.Value) ?? Array.Empty<string>())))
                ?? Enumerable.Empty<HelpExample>())
            .ToList();

    public static string NameOf(XElement command) =>
        command.Element(Command + "details")?.Element(Command + "name")?.Value.Trim() ?? string.Empty;

    /// <summary>Reads a file as strict UTF-8: invalid bytes throw instead of becoming U+FFFD.</summary>
    public static string ReadUtf8(string path) =>
        new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(StripBom(File.ReadAllBytes(path)));

    /// <summary>A property of a help object; Get-Help's objects are property bags.</summary>
    public static object? Prop(object? target, string name)
    {
        if (target == null)
        {
            return null;
        }

        var value = PSObject.AsPSObject(target).Properties[name]?.Value;
        return value is PSObject ps && ps.BaseObject is not PSCustomObject ? ps.BaseObject : value;
    }

    /// <summary>One item or many: Get-Help gives a single object where there is one, an array where there are more.</summary>
    public static IReadOnlyList<object> Items(object? value) => value switch
    {
        null => Array.Empty<object>(),
        string => new[] { value },
        PSObject { BaseObject: object[] array } => array,
        object[] array => array,
        System.Collections.IEnumerable list when value is not PSObject => list.Cast<object>().ToList(),
        _ => new[] { value },
    };

    /// <summary>The text of a MAML description as Get-Help returns it (an array of objects with a Text property).</summary>
    public static string Text(object? description) =>
        string.Join("\n", Items(description).Select(d => Prop(d, "Text")?.ToString() ?? (d as string) ?? string.Empty)).Trim();

    private static byte[] StripBom(byte[] bytes) =>
        bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? bytes[3..] : bytes;

    private static IReadOnlyList<string> ReadExportedCmdlets()
    {
        using var session = new PowerShellSession();
        var result = session.Run("(Get-Module LeadPS).ExportedCmdlets.Keys").ThrowIfErrors();
        return result.Output.Select(o => o.ToString()).OrderBy(n => n, StringComparer.Ordinal).ToList();
    }
}

public sealed record HelpExample(string Command, int Number, string Title, string Code, string Remarks)
{
    public override string ToString() => $"{Command} example {Number}";
}
