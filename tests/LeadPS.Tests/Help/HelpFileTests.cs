using System.Management.Automation.Language;
using System.Xml;
using System.Xml.Linq;
using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Help;

/// <summary>The MAML file itself: well-formed UTF-8, one command element per cmdlet, examples that parse, laid out by the build.</summary>
public sealed class HelpFileTests
{
    public static TheoryData<string, int> ExampleIds()
    {
        var data = new TheoryData<string, int>();
        foreach (var example in HelpCatalog.Examples())
        {
            data.Add(example.Command, example.Number);
        }

        return data;
    }

    [Fact]
    public void Help_file_is_well_formed_UTF8_MAML()
    {
        var text = HelpCatalog.ReadUtf8(HelpCatalog.SourceHelpFile);

        // A strict reader: no DTD, no undeclared entities, no stray characters.
        using var reader = XmlReader.Create(new StringReader(text), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, CheckCharacters = true });
        var document = XDocument.Load(reader);

        Assert.Equal("utf-8", document.Declaration?.Encoding, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(HelpCatalog.Msh + "helpItems", document.Root!.Name);
        Assert.Equal("maml", document.Root.Attribute("schema")?.Value);
    }

    [Fact]
    public void Help_file_documents_exactly_the_exported_cmdlets_once_each()
    {
        var commands = HelpCatalog.HelpXml.Root!.Elements(HelpCatalog.Command + "command").ToList();
        var names = commands.Select(HelpCatalog.NameOf).OrderBy(n => n, StringComparer.Ordinal).ToList();

        Assert.Equal(HelpCatalog.ExportedCmdlets, names);
        foreach (var command in commands)
        {
            var details = command.Element(HelpCatalog.Command + "details")!;
            var name = HelpCatalog.NameOf(command);
            Assert.Equal(name, details.Element(HelpCatalog.Command + "verb")!.Value + "-" + details.Element(HelpCatalog.Command + "noun")!.Value);
            Assert.All(
                command.Element(HelpCatalog.Command + "syntax")!.Elements(HelpCatalog.Command + "syntaxItem"),
                item => Assert.Equal(name, item.Element(HelpCatalog.Maml + "name")!.Value));
        }
    }

    [Fact]
    public void Every_parameter_element_has_the_attributes_Get_Help_shows()
    {
        var parameters = HelpCatalog.HelpXml.Descendants(HelpCatalog.Command + "parameter").ToList();

        Assert.NotEmpty(parameters);
        foreach (var parameter in parameters)
        {
            var where = parameter.Element(HelpCatalog.Maml + "name")?.Value ?? "(unnamed)";
            foreach (var attribute in new[] { "required", "globbing", "pipelineInput", "position", "variableLength", "aliases" })
            {
                Assert.True(parameter.Attribute(attribute) != null, $"{where}: no '{attribute}' attribute");
            }

            Assert.NotNull(parameter.Element(HelpCatalog.Dev + "type")?.Element(HelpCatalog.Maml + "name"));
        }
    }

    [Theory]
    [MemberData(nameof(ExampleIds))]
    public void Example_code_parses_without_errors(string command, int number)
    {
        var example = HelpCatalog.Examples().Single(e => e.Command == command && e.Number == number);

        Parser.ParseInput(example.Code, out _, out var errors);

        Assert.True(errors.Length == 0, string.Join(Environment.NewLine, errors.Select(e => $"{example} line {e.Extent.StartLineNumber}: {e.Message}")));
        Assert.DoesNotContain("PS C:\\>", example.Code, StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_lays_the_help_out_in_the_module_folder()
    {
        foreach (var file in new[] { HelpCatalog.HelpFileName, HelpCatalog.AboutFileName })
        {
            var laidOut = Path.Combine(HelpCatalog.ModuleHelpFolder, file);
            Assert.True(File.Exists(laidOut), laidOut + " is missing: the LayOutModule target copies src/LeadPS/en-US");
            Assert.Equal(File.ReadAllBytes(Path.Combine(HelpCatalog.SourceHelpFolder, file)), File.ReadAllBytes(laidOut));
        }
    }

    [Fact]
    public void Help_files_are_plain_text_without_tabs_or_trailing_blanks()
    {
        foreach (var path in new[] { HelpCatalog.SourceHelpFile, HelpCatalog.SourceAboutFile })
        {
            var lines = HelpCatalog.ReadUtf8(path).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimEnd('\r');
                Assert.False(line.Contains('\t'), $"{Path.GetFileName(path)}:{i + 1} has a tab");
                Assert.False(line.Length > 0 && char.IsWhiteSpace(line[^1]), $"{Path.GetFileName(path)}:{i + 1} ends in a blank");
            }
        }
    }
}
