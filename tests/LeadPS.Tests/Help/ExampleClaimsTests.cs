using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Help;

/// <summary>
/// What some examples' remarks promise, checked by running the example (plus, where the promise is
/// about something the example keeps in a variable, a line that reads it).
/// </summary>
public sealed class ExampleClaimsTests
{
    [Fact]
    public void Match_conflict_example_lists_both_matching_ids()
    {
        var result = Run("Invoke-LeadUpsert", "Catch match conflicts");

        Assert.Equal("A. M. Turing: matches leads 8982702, 8982703", Assert.Single(result.Output).ToString());
    }

    [Fact]
    public void WhatIf_example_sends_nothing_and_still_reports_the_invalid_row()
    {
        var result = Run("Invoke-LeadUpsert", "Preview an upsert with -WhatIf", "$invalid[0].FullyQualifiedErrorId");

        Assert.Equal(new[] { "Requests sent: 0; invalid rows: 1", "LeadInvalid,LeadPS.Commands.InvokeLeadUpsertCommand" }, Texts(result));
    }

    [Fact]
    public void Ivvy_upsert_example_creates_then_updates_by_name()
    {
        var result = Run("Invoke-LeadUpsert", "Upsert iVvy leads by name");

        // Results are written as they complete (-ThrottleLimit 4 by default), so compare as a set.
        Assert.Equal(
            new[] { "iVvy lead 1001 'Summit tech offsite' (Created)", "iVvy lead 1001 'summit tech offsite' (Updated)", "iVvy lead 1002 'Greenfield graduation' (Created)" }.OrderBy(t => t),
            Texts(result).OrderBy(t => t));
        Assert.Contains(result.Verbose, v => v.Contains("once for this command", StringComparison.Ordinal));
    }

    [Fact]
    public void Copper_upsert_example_creates_two_leads_and_then_updates_them()
    {
        var result = Run("Invoke-LeadUpsert", "Upsert leads into the Copper Sandbox by e-mail", "(Get-LeadApiConnection -Default).Sandbox.Copper.Leads.Count");

        Assert.Equal(5, result.Output.Count);
        Assert.All(result.Output.Take(4), o => Assert.Equal(LeadOutcome.Upserted, ((CopperLead)o.BaseObject).Outcome));
        Assert.Equal("2", result.Output[4].ToString());
    }

    [Fact]
    public void Paging_example_skips_ten_and_counts_all()
    {
        var result = Run("Get-Lead", "Page through the leads");

        var names = result.Output.Select(o => o.BaseObject).ToList();
        Assert.Equal(Enumerable.Range(11, 10).Select(i => "Prospect " + i), names.Take(10).Cast<CopperLead>().Select(l => l.Name));
        Assert.Equal(25UL, names[10]);
        Assert.Equal(5, names.Skip(11).OfType<CopperLead>().Count());
    }

    [Fact]
    public void Rerun_example_fixes_the_row_that_failed_for_a_missing_sub_type()
    {
        var result = Run("Set-Lead", "re-run the failed ones", "$failed.Count; $failed[0].FullyQualifiedErrorId; $failed[0].TargetObject.name");

        Assert.Equal(
            new[] { "iVvy lead 1001 'Summit tech offsite' (Created)", "iVvy lead 1002 'Coastal health forum' (Created)", "1", "LeadInvalid,LeadPS.Commands.SetLeadCommand", "Coastal health forum" },
            Texts(result));
    }

    [Fact]
    public void Refused_credential_example_catches_the_typed_exception()
    {
        var result = Run("Connect-LeadApi", "Handle a refused credential");

        Assert.StartsWith("iVvy refused the credential: ", result.Output[0].ToString(), StringComparison.Ordinal);
        Assert.Equal(2, result.Output.Count);
    }

    private static ScriptResult Run(string command, string titlePart, string? then = null)
    {
        var example = HelpCatalog.Examples().Single(e => e.Command == command && e.Title.Contains(titlePart, StringComparison.Ordinal));
        var result = ExampleRunTests.Run(then == null ? example : example with { Code = example.Code + "\n" + then });
        Assert.Null(result.TerminatingRecord);
        Assert.Empty(result.Errors);
        return result;
    }

    private static string[] Texts(ScriptResult result) => result.Output.Select(o => o.ToString()).ToArray();
}
