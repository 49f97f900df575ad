using System.Management.Automation;
using LeadPS.Errors;
using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Help;

/// <summary>
/// about_LeadPS: found by Get-Help in the hosted engine (from the imported module's en-US folder),
/// in the classic layout, and true to the error table the cmdlets actually use.
/// </summary>
public sealed class AboutTopicTests : IDisposable
{
    private readonly PowerShellSession _session = new();

    public void Dispose() => _session.Dispose();

    private static string Topic => HelpCatalog.ReadUtf8(HelpCatalog.SourceAboutFile);

    [Fact]
    public void Get_Help_finds_the_topic_of_the_imported_module()
    {
        var result = _session.Run("Get-Help -Name about_LeadPS").ThrowIfErrors();

        var text = Assert.Single(result.Output).ToString();
        Assert.StartsWith("TOPIC", text.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("about_LeadPS", text, StringComparison.Ordinal);
        Assert.Contains("SHORT DESCRIPTION", text, StringComparison.Ordinal);
        Assert.Equal(Topic.Replace("\r\n", "\n").Trim(), text.Replace("\r\n", "\n").Trim());
    }

    [Fact]
    public void Get_Help_lists_the_topic_among_the_modules_help()
    {
        var result = _session.Run("Get-Help -Name about_Lead* | ForEach-Object { $_.Name }").ThrowIfErrors();

        Assert.Contains("about_LeadPS", result.Output.Select(o => o.ToString()));
    }

    [Fact]
    public void Classic_layout_with_lines_of_at_most_80_characters()
    {
        var lines = Topic.Replace("\r\n", "\n").Split('\n');

        Assert.Equal("TOPIC", lines[0]);
        Assert.Equal("    about_LeadPS", lines[1]);
        foreach (var heading in new[] { "SHORT DESCRIPTION", "LONG DESCRIPTION", "SEE ALSO" })
        {
            Assert.Contains(heading, lines);
        }

        for (var i = 0; i < lines.Length; i++)
        {
            Assert.True(lines[i].Length <= 80, $"about_LeadPS line {i + 1} has {lines[i].Length} characters");
        }
    }

    [Fact]
    public void Topic_covers_the_subjects_users_need()
    {
        foreach (var heading in new[] { "CONNECTING", "THE SANDBOX", "UPSERTING FROM CSV", "ERRORS", "CATCHING ERRORS BY TYPE", "RE-RUNNING FAILED ROWS", "RATE LIMITS AND RETRIES", "SECURITY" })
        {
            Assert.Contains("\n" + heading + "\n", Topic.Replace("\r\n", "\n"), StringComparison.Ordinal);
        }

        foreach (var fact in new[] { "180 requests per minute", "-RequestsPerMinute", "-MaximumRetryCount", "Retry-After", "jitter", "TargetObject", "docs/sandbox-copper.md", "docs/sandbox-ivvy.md", "-SandboxOption" })
        {
            Assert.Contains(fact, Topic, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Error_table_has_every_ErrorId_and_category_the_cmdlets_use()
    {
        var lines = Topic.Replace("\r\n", "\n").Split('\n');
        foreach (var kind in Enum.GetValues<LeadErrorKind>())
        {
            var (errorId, category) = LeadErrorRecords.Classify(new LeadApiException("probe", kind));
            var row = lines.FirstOrDefault(l => l.TrimStart().StartsWith(errorId + " ", StringComparison.Ordinal));
            Assert.True(row != null, $"no error table row for {errorId} ({kind})");
            Assert.Contains(category.ToString(), row, StringComparison.Ordinal);
        }

        foreach (var (errorId, category) in new[] { ("LeadApiNotConnected", ErrorCategory.ConnectionError) })
        {
            var row = lines.FirstOrDefault(l => l.TrimStart().StartsWith(errorId + " ", StringComparison.Ordinal));
            Assert.True(row != null, $"no error table row for {errorId}");
            Assert.Contains(category.ToString(), row, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_public_exception_type_is_named_by_its_full_name()
    {
        var exceptionTypes = typeof(LeadApiException).Assembly.GetExportedTypes()
            .Where(t => typeof(LeadApiException).IsAssignableFrom(t))
            .Select(t => t.FullName!)
            .ToList();

        Assert.Contains("LeadPS.LeadMatchConflictException", exceptionTypes);
        Assert.All(exceptionTypes, t => Assert.Contains(t, Topic, StringComparison.Ordinal));
    }

    [Fact]
    public void Topic_names_every_cmdlet_under_SEE_ALSO()
    {
        var seeAlso = Topic.Replace("\r\n", "\n").Split("\nSEE ALSO\n")[1].Split("\n\n")[0];

        Assert.All(HelpCatalog.ExportedCmdlets, c => Assert.Contains("    " + c + "\n", seeAlso + "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Code_in_the_topic_parses()
    {
        // Code is indented by 8 spaces and starts with a variable, a Verb-Noun command or try;
        // tables indented the same way start with a word or a number.
        var blocks = new List<List<string>>();
        List<string>? current = null;
        foreach (var line in Topic.Replace("\r\n", "\n").Split('\n'))
        {
            if (!line.StartsWith("        ", StringComparison.Ordinal))
            {
                current = null;
                continue;
            }

            if (current == null)
            {
                current = new List<string>();
                blocks.Add(current);
            }

            current.Add(line);
        }

        var code = blocks
            .Where(b => System.Text.RegularExpressions.Regex.IsMatch(b[0].TrimStart(), @"^(\$|[A-Z][a-z]+-[A-Z][A-Za-z]+\b|try\b)"))
            .Select(b => string.Join("\n", b))
            .ToList();
        Assert.True(code.Count >= 10, $"{code.Count} code blocks found");
        foreach (var block in code)
        {
            System.Management.Automation.Language.Parser.ParseInput(block, out _, out var errors);
            Assert.True(errors.Length == 0, block + "\n" + string.Join("\n", errors.Select(e => e.Message)));
        }
    }
}
