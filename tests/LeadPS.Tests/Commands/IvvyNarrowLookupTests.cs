using System.Collections;
using System.Management.Automation;
using LeadPS.Sandbox;
using LeadPS.Sandbox.Hosting;
using LeadPS.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LeadPS.Tests.Commands;

/// <summary>
/// iVvy lookups at scale: each upsert and Get-Lead asks getLeadList for the match value (a filter,
/// every lead returned checked locally), and falls back to one listing per command when the
/// Sandbox ignores or refuses filters. Request counts come from the Sandbox's own request log.
/// </summary>
public sealed class IvvyNarrowLookupTests(ITestOutputHelper output)
{
    private const string FullListingFirstPage = "{\"perPage\":100,\"start\":0}";

    private static readonly string[] SearchPatterns = { "Lead 01242", "new 3", "Lead 0010*", "*1777", "*ead 0155*" };

    // The refused case lists fewer leads only to keep the suite quick: its path is the ignored one's after the first answer.
    [Theory]
    [InlineData("Honoured", 10_000)]
    [InlineData("Ignored", 10_000)]
    [InlineData("Refused", 2_000)]
    public void Ten_one_row_upserts_and_five_searches_over_many_leads(string filters, int seededLeads)
    {
        using var s = new SandboxSession(ivvyOptions: $"@{{ RequestLogCapacity = 100000; IvvyLeadListFilters = '{filters}' }}");
        var ivvy = s.IvvySandbox.Ivvy!;
        var seeded = Enumerable.Range(1, seededLeads).Select(i => ivvy.SeedLead($"Lead {i:00000}", 208)).ToList();
        var step = seededLeads / 5;
        var commands = new List<IReadOnlyList<SandboxRequestRecord>>();
        var outcomes = new List<string>();

        for (var i = 1; i <= 5; i++)
        {
            // Half existing names (in another case), half new ones, one row per command.
            var existing = Run(s, commands, $"@{{ name = 'LEAD {i * step:00000}'; description = 'updated {i}' }} | Invoke-LeadUpsert -Connection $ivvy");
            outcomes.AddRange(existing.Output.Select(o => Describe((IvvyLead)o.BaseObject)));
            var added = Run(s, commands, IvvyRows.Contact($"New {i}") + " | Invoke-LeadUpsert -Connection $ivvy");
            outcomes.AddRange(added.Output.Select(o => Describe((IvvyLead)o.BaseObject)));
        }

        var searches = SearchPatterns
            .Select(pattern => Run(s, commands, "Get-Lead -Connection $ivvy -Name $args[0]", pattern).Output.Select(o => ((IvvyLead)o.BaseObject).Id).ToList())
            .ToList();

        // The same outcomes whatever the platform does with filters.
        var expected = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            expected.Add($"Updated {seeded[i * step - 1]} LEAD {i * step:00000}");
            expected.Add($"Created New {i}");
        }

        Assert.Equal(expected, outcomes);
        var store = ivvy.Leads;
        Assert.Equal(seededLeads + 5, store.Count);
        Assert.All(Enumerable.Range(1, 5), i => Assert.Equal($"updated {i}", store.Single(l => l.Id == seeded[i * step - 1]).Description));
        Assert.All(Enumerable.Range(1, 5), i => Assert.Single(store, l => l.Name == $"New {i}"));
        for (var p = 0; p < SearchPatterns.Length; p++)
        {
            var pattern = new WildcardPattern(SearchPatterns[p], WildcardOptions.IgnoreCase);
            var want = store.Where(l => pattern.IsMatch(l.Name)).Select(l => l.Id).ToList();
            Assert.NotEmpty(want);
            Assert.Equal(want, searches[p]);
        }

        var all = commands.SelectMany(c => c).ToList();
        output.WriteLine($"{filters}, {seededLeads} leads: {all.Count} requests for 15 commands; per command: {string.Join(", ", commands.Select(c => c.Count))}");
        var filtered = all.Where(r => r.Body.Contains("\"filter\"", StringComparison.Ordinal)).ToList();
        Assert.All(all.Except(filtered), r => Assert.Equal(200, r.StatusCode));
        Assert.All(filtered, r => Assert.Equal(filters == "Refused" ? 400 : 200, r.StatusCode));
        if (filters == "Honoured")
        {
            Assert.True(all.Count <= 60, $"{all.Count} requests");
            Assert.DoesNotContain(all, r => r.Body == FullListingFirstPage);
        }
        else
        {
            // Each command lists every lead at most once, and each filter key is tried once per connection.
            Assert.All(commands, c => Assert.True(c.Count(r => r.Body == FullListingFirstPage) <= 1));
            // 'name' (the first upsert), then name__BEGINS, __ENDS and __CONTAINS (the wildcard searches).
            Assert.Equal(new[] { "name", "name__BEGINS", "name__ENDS", "name__CONTAINS" }, filtered.Select(r => FilterKey(r.Body)));
        }
    }

    [Fact]
    public void A_batch_with_more_rows_than_the_listing_has_pages_lists_once_instead_of_asking_per_row()
    {
        using var s = new SandboxSession(ivvyOptions: "@{ RequestLogCapacity = 100000 }");
        for (var i = 0; i < 150; i++)
        {
            s.IvvySandbox.Ivvy!.SeedLead($"Lead {i:000}", 208);
        }

        var before = s.IvvySandbox.Requests.TotalCount;
        var result = s.Run("0..5 | ForEach-Object { @{ name = \"lead {0:000}\" -f ($_ * 20); description = 'batch' } } | Invoke-LeadUpsert -Connection $ivvy -Verbose").ThrowIfErrors();

        Assert.All(result.Output, o => Assert.Equal(LeadOutcome.Updated, ((IvvyLead)o.BaseObject).Outcome));
        Assert.Equal(6, result.Output.Count);
        var lists = s.IvvySandbox.Requests.Snapshot().Where(r => r.Sequence > before && r.PathAndQuery.Contains("getLeadList")).Select(r => r.Body).ToList();

        // Two rows asked (the first found, so asked again in another case, once per connection, to check
        // iVvy ignores case; the second after a one-lead page gives the count: 150 leads, 2 pages), then
        // one listing of 2 pages for the other four.
        Assert.Equal(
            new[]
            {
                "{\"perPage\":100,\"start\":0,\"filter\":{\"name\":\"lead 000\"}}",
                "{\"perPage\":100,\"start\":0,\"filter\":{\"name\":\"LEAD 000\"}}",
                "{\"perPage\":1,\"start\":0}",
                "{\"perPage\":100,\"start\":0,\"filter\":{\"name\":\"lead 020\"}}",
                FullListingFirstPage,
                "{\"perPage\":100,\"start\":100}",
            },
            lists);
        Assert.Contains(result.Verbose, v => v.StartsWith("Listed every iVvy lead (150), once for this command", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(SandboxFilterSupport.Honoured)]
    [InlineData(SandboxFilterSupport.Ignored)]
    public void A_lost_add_is_recognised_not_resent_whether_the_filter_is_honoured_or_not(SandboxFilterSupport filters)
    {
        var options = LosingHandler.OptionsFor(LeadPlatform.Ivvy);
        options.IvvyLeadListFilters = filters;
        var sandbox = new LeadSandbox(LeadPlatform.Ivvy, options);
        sandbox.Ivvy!.SeedLead("Older lead", 208);
        sandbox.Ivvy.SeedLead("lost add", 209);
        var handler = new LosingHandler(sandbox, r => r.RequestUri!.Query.Contains("addOrUpdateLead"), toLose: 1, afterProcessing: true);
        using var connection = LosingHandler.Connect(sandbox, handler);
        using var session = new PowerShellSession();

        // Matched on the contact's e-mail: the older 'lost add' (another contact) is not this row's lead.
        var result = session.RunWith(
            "@{ name = 'Lost add'; contactId = 208; industryId = 22; sourceId = 31; typeId = 43; stageId = 51; email = 'nobody@example.test' } | Invoke-LeadUpsert -Connection $c -MatchField email",
            new Hashtable { ["c"] = connection }).ThrowIfErrors();

        var lead = (IvvyLead)Assert.Single(result.Output).BaseObject;
        Assert.Equal(LeadOutcome.Created, lead.Outcome);
        Assert.Equal(1, handler.Lost);
        Assert.Equal(3, sandbox.Ivvy.Leads.Count);
        Assert.Equal(lead.Id, sandbox.Ivvy.Leads.Single(l => l.Name == "Lost add" && l.ContactId == 208).Id);
    }

    [Theory]
    [InlineData("Honoured", 2, false)]
    [InlineData("Honoured", 31, true)]
    [InlineData("Ignored", 31, true)]
    public void Conflicts_are_the_same_through_the_filter_or_the_listing(string filters, int count, bool exceeds)
    {
        using var s = new SandboxSession(ivvyOptions: $"@{{ IvvyLeadListFilters = '{filters}' }}");
        s.IvvySandbox.Ivvy!.SeedLead("Other", 208);
        var ids = Enumerable.Range(0, count).Select(_ => s.IvvySandbox.Ivvy!.SeedLead("Same Name", 208)).ToList();

        var result = s.Run("@{ name = ' same name '; description = 'x' } | Invoke-LeadUpsert -Connection $ivvy");

        var conflict = Assert.IsType<LeadMatchConflictException>(Assert.Single(result.Errors).Exception);
        Assert.Equal(exceeds, conflict.MatchCountExceedsLimit);
        Assert.Equal(exceeds ? Array.Empty<long>() : ids.ToArray(), conflict.MatchingLeadIds);
        Assert.DoesNotContain(s.IvvySandbox.Requests.Snapshot(), r => r.PathAndQuery.Contains("addOrUpdateLead"));
    }

    [Fact]
    public void WhatIf_sends_nothing_not_even_a_filtered_lookup()
    {
        using var s = new SandboxSession();
        s.IvvySandbox.Ivvy!.SeedLead("Existing", 208);
        var before = s.IvvySandbox.Requests.TotalCount;

        s.Run("@{ name = 'Existing'; description = 'x' }, " + IvvyRows.Contact("New") + " | Invoke-LeadUpsert -Connection $ivvy -WhatIf").ThrowIfErrors();

        Assert.Equal(before, s.IvvySandbox.Requests.TotalCount);
    }

    [Theory]
    [InlineData("Honoured", 5)]
    [InlineData("Refused", 3)]
    public void Get_Lead_by_id_asks_for_each_id_or_lists_once(string filters, int requestCount)
    {
        using var s = new SandboxSession(ivvyOptions: $"@{{ IvvyLeadListFilters = '{filters}' }}");
        var ids = Enumerable.Range(0, 120).Select(i => s.IvvySandbox.Ivvy!.SeedLead($"Lead {i}", 208)).ToList();
        var before = s.IvvySandbox.Requests.TotalCount;

        var result = s.Run("Get-Lead -Connection $ivvy -Id $args[0], $args[1], 99999", ids[5], ids[110]);

        Assert.Equal(new[] { ids[5], ids[110] }, result.Output.Select(o => ((IvvyLead)o.BaseObject).Id));
        Assert.Equal("LeadNotFound", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);

        // Honoured: the first id asked, a one-lead page for the count (120 leads: 2 pages), the second id
        // asked, then a listing (2 pages) for the third. Refused: one refused ask, then one listing serves all.
        var requests = s.IvvySandbox.Requests.Snapshot().Where(r => r.Sequence > before).ToList();
        Assert.Equal(requestCount, requests.Count);
        Assert.Single(requests, r => r.Body == FullListingFirstPage);
    }

    [Fact]
    public void Same_value_rows_in_flight_together_still_make_one_lead()
    {
        using var s = new SandboxSession();
        s.IvvySandbox.Ivvy!.SeedLead("Other", 208);

        var result = s.Run("@(" + IvvyRows.Contact("Dup") + ", @{ name = 'dup'; description = 'second' }, @{ name = ' DUP '; description = 'third' }) | Invoke-LeadUpsert -Connection $ivvy -ThrottleLimit 8").ThrowIfErrors();

        Assert.Equal(new[] { LeadOutcome.Created, LeadOutcome.Updated, LeadOutcome.Updated }, result.Output.Select(o => ((IvvyLead)o.BaseObject).Outcome));
        var dup = Assert.Single(s.IvvySandbox.Ivvy.Leads, l => l.Name.Trim().Equals("dup", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("third", dup.Description);
    }

    [Fact]
    public void A_custom_field_match_has_no_filter_to_try_and_lists_once()
    {
        using var s = new SandboxSession(ivvyOptions: "@{ RequestLogCapacity = 100000 }");
        for (var i = 0; i < 250; i++)
        {
            s.IvvySandbox.Ivvy!.SeedLead($"Lead {i}", 208);
        }

        var before = s.IvvySandbox.Requests.TotalCount;
        var result = s.Run("@{ name = 'Ref 1'; contactId = 208; industryId = 22; sourceId = 31; typeId = 43; stageId = 51; customFields = @(@{ fieldId = 81; fieldValue = 'R-1' }) }, @{ name = 'Ref 2'; contactId = 208; industryId = 22; sourceId = 31; typeId = 43; stageId = 51; customFields = @(@{ fieldId = 81; fieldValue = 'R-2' }) } | Invoke-LeadUpsert -Connection $ivvy -MatchField customFields.81 -Verbose").ThrowIfErrors();

        Assert.All(result.Output, o => Assert.Equal(LeadOutcome.Created, ((IvvyLead)o.BaseObject).Outcome));
        Assert.Contains(result.Verbose, v => v.Contains("because iVvy has no filter to try for 'customFields.81'", StringComparison.Ordinal));
        var lists = s.IvvySandbox.Requests.Snapshot().Where(r => r.Sequence > before && r.PathAndQuery.Contains("getLeadList")).ToList();
        Assert.Equal(3, lists.Count); // one listing of 250 leads, 3 pages, for both rows
        Assert.DoesNotContain(lists, r => r.Body.Contains("filter", StringComparison.Ordinal));
    }

    private static ScriptResult Run(SandboxSession s, List<IReadOnlyList<SandboxRequestRecord>> commands, string script, params object[] args)
    {
        var before = s.IvvySandbox.Requests.TotalCount;
        var result = s.Run(script, args).ThrowIfErrors();
        commands.Add(s.IvvySandbox.Requests.Snapshot().Where(r => r.Sequence > before).ToList());
        return result;
    }

    private static string FilterKey(string body) =>
        ((Newtonsoft.Json.Linq.JObject)Newtonsoft.Json.Linq.JObject.Parse(body)["filter"]!).Properties().Single().Name;

    private static string Describe(IvvyLead lead) =>
        lead.Outcome == LeadOutcome.Updated ? $"Updated {lead.Id} {lead.Name}" : $"{lead.Outcome} {lead.Name}";
}
