using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Completion;

/// <summary>Completion as a user gets it: through TabExpansion2 in the hosted engine.</summary>
public sealed class TabCompletionTests : IDisposable
{
    private readonly SandboxSession _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public void MatchField_offers_email_name_and_the_connections_filterable_lead_custom_fields()
    {
        var names = Complete("Invoke-LeadUpsert -Connection copper -MatchField ");

        Assert.Equal("email", names[0]);
        Assert.Equal("name", names[1]);
        Assert.Contains("'Lead Reference'", names);
        Assert.Contains("Industry", names);
        Assert.DoesNotContain("'Internal Notes'", names); // not filterable
        Assert.DoesNotContain("'Account Tier'", names);   // not on leads
    }

    [Fact]
    public void MatchField_completion_filters_by_what_was_typed_and_follows_the_connection()
    {
        Assert.Equal(new[] { "'Lead Reference'" }, Complete("Invoke-LeadUpsert -Connection copper -MatchField Lead"));
        Assert.Contains("contactId", Complete("Invoke-LeadUpsert -Connection ivvy -MatchField "));
        Assert.DoesNotContain("'Lead Reference'", Complete("Invoke-LeadUpsert -Connection ivvy -MatchField "));
    }

    [Theory]
    [InlineData("Invoke-LeadUpsert -Connection ")]
    [InlineData("Set-Lead -Connection ")]
    [InlineData("Get-Lead -Connection ")]
    [InlineData("Get-LeadApiConnection -Name ")]
    [InlineData("Disconnect-LeadApi -Name ")]
    public void Connection_names_complete(string line) =>
        Assert.Equal(new[] { "copper", "ivvy" }, Complete(line));

    [Fact]
    public void Platform_and_Region_complete_from_their_enums()
    {
        Assert.Equal(new[] { "Copper", "Ivvy" }, Complete("Connect-LeadApi -Platform "));
        Assert.Equal(new[] { "AU", "UK", "US" }, Complete("Connect-LeadApi -Platform Ivvy -Region ").OrderBy(r => r));
    }

    [Fact]
    public void A_connection_name_is_accepted_where_a_connection_is_expected()
    {
        var result = _s.Run("@{ name = 'By Name'; email = 'byname@example.test' } | Invoke-LeadUpsert -Connection copper").ThrowIfErrors();
        Assert.Equal("By Name", ((CopperLead)result.Output.Single().BaseObject).Name);

        var missing = _s.Run("Get-Lead -Connection nope");
        Assert.Contains("There is no LeadPS connection named 'nope'", missing.TerminatingRecord?.Exception.Message ?? missing.Errors.Single().Exception.Message);
    }

    private List<string> Complete(string line)
    {
        var result = _s.Shell.Run("(TabExpansion2 -inputScript $args[0] -cursorColumn $args[0].Length).CompletionMatches | ForEach-Object CompletionText", line).ThrowIfErrors();
        return result.Output.Select(o => o.ToString()).ToList();
    }
}
