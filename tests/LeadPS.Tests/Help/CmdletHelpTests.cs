using System.Management.Automation;
using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Help;

/// <summary>
/// Get-Help -Full for every exported cmdlet, as a user sees it, checked against the cmdlet itself:
/// every parameter documented with its real attributes, and nothing documented that is not there.
/// </summary>
public sealed class CmdletHelpTests : IDisposable
{
    private static readonly string[] ShouldProcessParameters = { "WhatIf", "Confirm" };
    private static readonly string[] PagingParameters = { "First", "Skip", "IncludeTotalCount" };

    private readonly PowerShellSession _session = new();

    public void Dispose() => _session.Dispose();

    public static TheoryData<string> Cmdlets() => HelpCatalog.Cmdlets();

    [Fact]
    public void The_module_exports_the_cmdlets_the_help_is_checked_for() =>
        Assert.Equal(
            new[] { "Connect-LeadApi", "Disconnect-LeadApi", "Get-Lead", "Get-LeadApiConnection", "Invoke-LeadUpsert", "Set-Lead", "Start-LeadSandbox", "Stop-LeadSandbox" },
            HelpCatalog.ExportedCmdlets);

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Help_comes_from_the_modules_MAML_file(string name)
    {
        // CmdletInfo.HelpFile names the file next to the assembly's first load, which in this test
        // host can be the test's bin folder (the tests reference LeadPS.dll); Get-Help also searches
        // the module's base folder, where the build lays the file out. So: same file name, and the
        // text Get-Help shows is the text of the source file.
        var command = GetCommand(name);
        var fromFile = HelpCatalog.HelpXml.Root!.Elements(HelpCatalog.Command + "command").Single(c => HelpCatalog.NameOf(c) == name)
            .Element(HelpCatalog.Command + "details")!.Element(HelpCatalog.Maml + "description")!.Value.Trim();

        Assert.Equal(HelpCatalog.HelpFileName, Path.GetFileName(command.HelpFile));
        Assert.Equal(fromFile, HelpCatalog.Prop(GetHelp(name), "Synopsis")?.ToString()?.Trim());
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Synopsis_and_description_are_written(string name)
    {
        var help = GetHelp(name);

        var synopsis = HelpCatalog.Prop(help, "Synopsis")?.ToString()?.Trim() ?? string.Empty;
        Assert.False(string.IsNullOrWhiteSpace(synopsis), $"{name}: no synopsis");
        // Without a help file, Get-Help makes the synopsis from the syntax ("Get-Lead [-Id] <long[]> ...").
        Assert.DoesNotContain(name + " ", synopsis, StringComparison.Ordinal);
        Assert.EndsWith(".", synopsis, StringComparison.Ordinal);

        var description = HelpCatalog.Text(HelpCatalog.Prop(help, "description"));
        Assert.True(description.Length > 100, $"{name}: the description is missing or too short: '{description}'");

        var details = HelpCatalog.Prop(help, "details");
        Assert.Equal(name, HelpCatalog.Prop(details, "name")?.ToString());
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void At_least_three_examples_each_with_code_and_remarks(string name)
    {
        var examples = HelpCatalog.Items(HelpCatalog.Prop(HelpCatalog.Prop(GetHelp(name), "examples"), "example"));

        Assert.True(examples.Count >= 3, $"{name}: {examples.Count} examples");
        foreach (var example in examples)
        {
            var title = HelpCatalog.Prop(example, "title")?.ToString() ?? string.Empty;
            Assert.Contains("Example", title, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(HelpCatalog.Prop(example, "code")?.ToString()), $"{name} {title}: no code");
            Assert.False(string.IsNullOrWhiteSpace(HelpCatalog.Text(HelpCatalog.Prop(example, "remarks"))), $"{name} {title}: no remarks");
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Every_parameter_is_documented_and_no_other(string name)
    {
        var command = GetCommand(name);
        var actual = command.Parameters.Keys.Except(PSCmdlet.CommonParameters).ToHashSet(StringComparer.Ordinal);
        var mustDocument = actual.Except(PSCmdlet.OptionalCommonParameters).ToHashSet(StringComparer.Ordinal);
        var documented = DocumentedParameters(name).Select(p => HelpCatalog.Prop(p, "name")!.ToString()!).ToList();

        Assert.Equal(documented.Count, documented.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Empty(mustDocument.Except(documented));
        Assert.Empty(documented.Except(actual));

        // -WhatIf and -Confirm are documented exactly where the cmdlet supports ShouldProcess.
        Assert.Equal(SupportsShouldProcess(command), documented.Contains("WhatIf"));
        Assert.Equal(SupportsShouldProcess(command), documented.Contains("Confirm"));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Documented_parameter_attributes_match_the_cmdlet(string name)
    {
        var command = GetCommand(name);
        foreach (var documented in DocumentedParameters(name))
        {
            var parameterName = HelpCatalog.Prop(documented, "name")!.ToString()!;
            var metadata = command.Parameters[parameterName];
            var sets = metadata.ParameterSets.Values;
            var where = $"{name} -{parameterName}";

            Assert.Equal(sets.Any(s => s.IsMandatory), bool.Parse(Attribute(documented, "required")));

            var positions = sets.Where(s => s.Position >= 0).Select(s => s.Position).Distinct().ToList();
            Assert.True(positions.Count <= 1, where + ": positions differ between parameter sets; document each");
            Assert.Equal(positions.Count == 0 ? "named" : positions[0].ToString(), Attribute(documented, "position"));

            var pipeline = Attribute(documented, "pipelineInput");
            var byValue = sets.Any(s => s.ValueFromPipeline);
            var byPropertyName = sets.Any(s => s.ValueFromPipelineByPropertyName);
            Assert.Equal(byValue || byPropertyName, pipeline.StartsWith("True", StringComparison.OrdinalIgnoreCase));
            Assert.Equal(byValue, pipeline.Contains("ByValue", StringComparison.Ordinal));
            Assert.Equal(byPropertyName, pipeline.Contains("ByPropertyName", StringComparison.Ordinal));

            var wildcards = metadata.Attributes.OfType<SupportsWildcardsAttribute>().Any();
            Assert.Equal(wildcards, bool.Parse(Attribute(documented, "globbing")));

            var type = Nullable.GetUnderlyingType(metadata.ParameterType) ?? metadata.ParameterType;
            Assert.Equal(type.FullName, HelpCatalog.Prop(HelpCatalog.Prop(documented, "type"), "name")?.ToString());

            Assert.False(string.IsNullOrWhiteSpace(HelpCatalog.Text(HelpCatalog.Prop(documented, "description"))), where + ": no description");
            Assert.False(string.IsNullOrWhiteSpace(HelpCatalog.Prop(documented, "defaultValue")?.ToString()), where + ": no default value");
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void One_syntax_per_parameter_set_with_its_mandatory_parameters(string name)
    {
        var command = GetCommand(name);
        var syntaxItems = HelpCatalog.Items(HelpCatalog.Prop(HelpCatalog.Prop(GetHelp(name), "syntax"), "syntaxItem"))
            .Select(item => HelpCatalog.Items(HelpCatalog.Prop(item, "parameter")).ToDictionary(
                p => HelpCatalog.Prop(p, "name")!.ToString()!,
                p => (Required: bool.Parse(Attribute(p, "required")), Position: Attribute(p, "position"))))
            .ToList();

        Assert.Equal(command.ParameterSets.Count, syntaxItems.Count);
        var matched = new HashSet<int>();
        foreach (var set in command.ParameterSets)
        {
            var parameters = set.Parameters.Where(p => !PSCmdlet.CommonParameters.Contains(p.Name)).ToDictionary(p => p.Name);
            var fits = Enumerable.Range(0, syntaxItems.Count).Where(i =>
                syntaxItems[i].Keys.All(parameters.ContainsKey)
                && parameters.Values.Where(p => p.IsMandatory).All(p => syntaxItems[i].ContainsKey(p.Name))
                && syntaxItems[i].All(s => s.Value.Required == parameters[s.Key].IsMandatory
                    && s.Value.Position == (parameters[s.Key].Position >= 0 ? parameters[s.Key].Position.ToString() : "named")))
                .ToList();

            Assert.True(fits.Count == 1, $"{name}: parameter set '{set.Name}' matches {fits.Count} syntax items");
            Assert.True(matched.Add(fits[0]), $"{name}: two parameter sets share a syntax item");
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Common_behaviour_is_mentioned_where_the_cmdlet_has_it(string name)
    {
        var command = GetCommand(name);
        var description = HelpCatalog.Text(HelpCatalog.Prop(GetHelp(name), "description"));

        if (SupportsShouldProcess(command))
        {
            Assert.Contains("supports -WhatIf and -Confirm", description, StringComparison.Ordinal);
        }

        if (command.ImplementingType.GetCustomAttributes(typeof(CmdletAttribute), false).Cast<CmdletAttribute>().Single().SupportsPaging)
        {
            Assert.All(PagingParameters, p => Assert.Contains("-" + p, description, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Input_and_output_types_are_documented(string name)
    {
        var help = GetHelp(name);
        var inputs = HelpCatalog.Items(HelpCatalog.Prop(HelpCatalog.Prop(help, "inputTypes"), "inputType"));
        var outputs = HelpCatalog.Items(HelpCatalog.Prop(HelpCatalog.Prop(help, "returnValues"), "returnValue"));
        var outputNames = outputs.Select(o => HelpCatalog.Prop(HelpCatalog.Prop(o, "type"), "name")?.ToString()).ToList();

        Assert.NotEmpty(inputs);
        Assert.NotEmpty(outputs);
        foreach (var declared in GetCommand(name).OutputType.Select(t => t.Name).Where(t => t != "System.Void"))
        {
            Assert.Contains(declared, outputNames);
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Related_links_point_to_the_topic_and_to_commands_that_exist(string name)
    {
        var links = HelpCatalog.Items(HelpCatalog.Prop(HelpCatalog.Prop(GetHelp(name), "relatedLinks"), "navigationLink"))
            .Select(l => HelpCatalog.Prop(l, "linkText")?.ToString())
            .ToList();

        Assert.Contains("about_LeadPS", links);
        Assert.All(links.Where(l => l != "about_LeadPS"), l => Assert.Contains(l, HelpCatalog.ExportedCmdlets));
        Assert.DoesNotContain(name, links);
    }

    private CmdletInfo GetCommand(string name) =>
        Assert.IsType<CmdletInfo>(Assert.Single(_session.Run("Get-Command -Name $args[0] -Module LeadPS", name).ThrowIfErrors().Output).BaseObject);

    private PSObject GetHelp(string name) =>
        Assert.Single(_session.Run("Get-Help -Name $args[0] -Full", name).ThrowIfErrors().Output);

    private IReadOnlyList<object> DocumentedParameters(string name) =>
        HelpCatalog.Items(HelpCatalog.Prop(HelpCatalog.Prop(GetHelp(name), "parameters"), "parameter"));

    private static string Attribute(object parameter, string name) =>
        HelpCatalog.Prop(parameter, name)?.ToString() ?? throw new InvalidOperationException($"The parameter has no '{name}'.");

    private static bool SupportsShouldProcess(CmdletInfo command) =>
        ShouldProcessParameters.All(command.Parameters.ContainsKey);
}
