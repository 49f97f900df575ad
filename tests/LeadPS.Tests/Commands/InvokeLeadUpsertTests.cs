using System.Management.Automation;
using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Commands;

public sealed class InvokeLeadUpsertTests : IDisposable
{
    private readonly SandboxSession _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public void Copper_upsert_creates_then_updates_the_same_lead_by_email()
    {
        var first = _s.Run("@{ name = 'Ada Lovelace'; email = 'ada@example.test' } | Invoke-LeadUpsert -Connection $copper").ThrowIfErrors();
        var second = _s.Run("[pscustomobject]@{ name = 'Ada King'; email = 'ADA@example.test'; title = 'Countess' } | Invoke-LeadUpsert -Connection $copper -MatchField email").ThrowIfErrors();

        var created = Assert.IsType<CopperLead>(Assert.Single(first.Output).BaseObject);
        var updated = Assert.IsType<CopperLead>(Assert.Single(second.Output).BaseObject);
        Assert.Equal(created.Id, updated.Id);
        Assert.Equal(LeadOutcome.Upserted, updated.Outcome);
        Assert.Equal("Ada King", updated.Name);
        Assert.Equal("Countess", updated.Title);
        Assert.Equal(LeadPlatform.Copper, updated.Platform);
        Assert.Single(_s.CopperSandbox.Copper!.Leads);
    }

    [Fact]
    public void The_output_carries_the_input_it_came_from()
    {
        var result = _s.Run("$row = [pscustomobject]@{ name = 'Row One'; email = 'one@example.test' }; $row | Invoke-LeadUpsert -Connection $copper; $row").ThrowIfErrors();

        var lead = (CopperLead)result.Output[0].BaseObject;
        Assert.Same(result.Output[1].BaseObject, ((PSObject)lead.Input!).BaseObject);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(30)]
    public void Copper_two_to_thirty_matches_is_a_conflict_listing_the_ids(int count)
    {
        var ids = Enumerable.Range(0, count).Select(_ => _s.CopperSandbox.Copper!.SeedLead("Twin", "twin@example.test")).ToList();

        var result = _s.Run("@{ name = 'Twin'; email = 'twin@example.test' } | Invoke-LeadUpsert -Connection $copper");

        Assert.Empty(result.Output);
        var record = Assert.Single(result.Errors);
        Assert.Equal("LeadMatchConflict", record.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.ResourceExists, record.CategoryInfo.Category);
        var conflict = Assert.IsType<LeadMatchConflictException>(record.Exception);
        Assert.Equal(ids.OrderBy(i => i), conflict.MatchingLeadIds.OrderBy(i => i));
        Assert.False(conflict.MatchCountExceedsLimit);
        Assert.StartsWith("Multiple leads match", record.ErrorDetails.Message);
    }

    [Fact]
    public void Copper_thirty_one_matches_is_a_conflict_without_ids()
    {
        for (var i = 0; i < 31; i++)
        {
            _s.CopperSandbox.Copper!.SeedLead("Crowd", "crowd@example.test");
        }

        var result = _s.Run("@{ name = 'Crowd'; email = 'crowd@example.test' } | Invoke-LeadUpsert -Connection $copper");

        var conflict = Assert.IsType<LeadMatchConflictException>(Assert.Single(result.Errors).Exception);
        Assert.Empty(conflict.MatchingLeadIds);
        Assert.True(conflict.MatchCountExceedsLimit);
    }

    [Fact]
    public void Conflicts_are_catchable_by_type_in_a_runbook()
    {
        _s.CopperSandbox.Copper!.SeedLead("Twin", "twin@example.test");
        _s.CopperSandbox.Copper!.SeedLead("Twin", "twin@example.test");

        var result = _s.Run("""
            try { @{ name = 'Twin'; email = 'twin@example.test' } | Invoke-LeadUpsert -Connection $copper -ErrorAction Stop }
            catch [LeadPS.LeadMatchConflictException] { "conflict: " + ($_.Exception.MatchingLeadIds -join ',') }
            """).ThrowIfErrors();

        Assert.StartsWith("conflict: 89", Assert.Single(result.Output).ToString());
    }

    [Theory]
    [InlineData("'Lead Reference'")]
    [InlineData("100764")]
    public void Copper_matches_on_a_custom_field_by_name_or_definition_id(string matchField)
    {
        var first = _s.Run($"@{{ name = 'Custom One'; 'Lead Reference' = 'REF-7' }} | Invoke-LeadUpsert -Connection $copper -MatchField {matchField}").ThrowIfErrors();
        var second = _s.Run($"@{{ name = 'Custom Renamed'; 'Lead Reference' = 'REF-7' }} | Invoke-LeadUpsert -Connection $copper -MatchField {matchField}").ThrowIfErrors();

        Assert.Equal(((CopperLead)first.Output.Single().BaseObject).Id, ((CopperLead)second.Output.Single().BaseObject).Id);
        var lead = Assert.Single(_s.CopperSandbox.Copper!.Leads);
        Assert.Equal("Custom Renamed", lead.Name);
        var upsert = _s.CopperSandbox.Requests.Snapshot().Last();
        Assert.Contains("\"field_name\":\"custom\"", upsert.Body);
        Assert.Contains("\"custom_field_definition_id\":100764", upsert.Body);
    }

    [Fact]
    public void MatchValue_overrides_the_input_value()
    {
        var id = _s.CopperSandbox.Copper!.SeedLead("Old Name", "old@example.test");

        var result = _s.Run("@{ name = 'New Name'; email = 'new@example.test' } | Invoke-LeadUpsert -Connection $copper -MatchField email -MatchValue 'old@example.test'").ThrowIfErrors();

        Assert.Equal(id, ((CopperLead)Assert.Single(result.Output).BaseObject).Id);
    }

    [Fact]
    public void An_input_without_a_match_value_is_an_error_naming_the_field_and_sends_nothing()
    {
        var before = _s.CopperSandbox.Requests.TotalCount;

        var result = _s.Run("@{ name = 'No Email' } | Invoke-LeadUpsert -Connection $copper -MatchField email");

        var record = Assert.Single(result.Errors);
        Assert.Equal("LeadInvalid", record.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal("email", Assert.IsType<LeadValidationException>(record.Exception).FieldName);
        Assert.Equal(before, _s.CopperSandbox.Requests.TotalCount);
    }

    [Fact]
    public void Ivvy_upsert_adds_then_updates_by_name_listing_leads_at_most_once_per_command()
    {
        var script = "@(" + IvvyRows.Contact("Offsite") + ", @{ name = 'offsite'; description = 'second row updates the lead the first row added' }, " + IvvyRows.Contact("Gala") + ") | Invoke-LeadUpsert -Connection $ivvy -MatchField name -ThrottleLimit 1";

        var result = _s.Run(script).ThrowIfErrors();

        var leads = result.Output.Select(o => (IvvyLead)o.BaseObject).ToList();
        Assert.Equal(new[] { LeadOutcome.Created, LeadOutcome.Updated, LeadOutcome.Created }, leads.Select(l => l.Outcome));
        Assert.Equal(leads[0].Id, leads[1].Id);
        Assert.Equal(2, _s.IvvySandbox.Ivvy!.Leads.Count);
        Assert.Equal("second row updates the lead the first row added", _s.IvvySandbox.Ivvy!.Leads.First().Description);
        // The first row is asked for by name; then one listing (one page here) is cheaper than asking per row.
        var lists = _s.IvvySandbox.Requests.Snapshot().Where(r => r.PathAndQuery.Contains("getLeadList")).Select(r => r.Body).ToList();
        Assert.Equal("{\"perPage\":100,\"start\":0,\"filter\":{\"name\":\"Offsite\"}}", lists[0]);
        Assert.Single(lists, b => b == "{\"perPage\":100,\"start\":0}");
        Assert.True(lists.Count <= 3, string.Join(" | ", lists));
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(31, true)]
    public void Ivvy_conflicts_have_the_same_shape_as_Copper(int count, bool exceeds)
    {
        var ids = Enumerable.Range(0, count).Select(_ => _s.IvvySandbox.Ivvy!.SeedLead("Same Name", 208)).ToList();

        var result = _s.Run("@{ name = 'Same Name'; description = 'x' } | Invoke-LeadUpsert -Connection $ivvy -MatchField name");

        var record = Assert.Single(result.Errors);
        Assert.Equal("LeadMatchConflict", record.FullyQualifiedErrorId.Split(',')[0]);
        var conflict = Assert.IsType<LeadMatchConflictException>(record.Exception);
        Assert.Equal(exceeds, conflict.MatchCountExceedsLimit);
        Assert.Equal(exceeds ? Array.Empty<long>() : ids.ToArray(), conflict.MatchingLeadIds.ToArray());
        Assert.Equal(LeadPlatform.Ivvy, conflict.Platform);
        Assert.DoesNotContain(_s.IvvySandbox.Requests.Snapshot(), r => r.PathAndQuery.Contains("addOrUpdateLead"));
    }

    [Fact]
    public void Ivvy_upsert_matches_on_the_contact_email()
    {
        var id = _s.IvvySandbox.Ivvy!.SeedLead("Jack's enquiry", 208);

        var result = _s.Run("@{ name = 'Jack renamed'; contact = @{ email = 'JACK.TAYLOR@mail.example' } } | Invoke-LeadUpsert -Connection $ivvy -MatchField email").ThrowIfErrors();

        var lead = (IvvyLead)Assert.Single(result.Output).BaseObject;
        Assert.Equal(id, lead.Id);
        Assert.Equal(LeadOutcome.Updated, lead.Outcome);
    }

    [Fact]
    public void Ivvy_upsert_matches_a_csv_rows_flat_email_column_and_says_it_is_not_sent()
    {
        var id = _s.IvvySandbox.Ivvy!.SeedLead("Jack's enquiry", 208);

        var result = _s.Run("[pscustomobject]@{ name = 'Jack from CSV'; email = 'jack.taylor@mail.example' } | Invoke-LeadUpsert -Connection $ivvy -MatchField email").ThrowIfErrors();

        Assert.Equal(id, ((IvvyLead)Assert.Single(result.Output).BaseObject).Id);
        Assert.Contains(result.Warnings, w => w.Contains("'email'"));
        Assert.Equal("Jack from CSV", _s.IvvySandbox.Ivvy!.Leads.Single().Name);
    }

    [Fact]
    public void MatchValue_with_several_inputs_warns_once()
    {
        var result = _s.Run("1..3 | ForEach-Object { @{ name = \"N$_\"; email = \"n$_@example.test\" } } | Invoke-LeadUpsert -Connection $copper -MatchValue 'n1@example.test' -ThrottleLimit 1").ThrowIfErrors();

        Assert.Single(result.Warnings, w => w.Contains("-MatchValue 'n1@example.test' applies to every input"));
        // The trap the warning names: N2 overwrote N1's lead (and its e-mail), so N3 matched nothing.
        Assert.Equal(new[] { "N2", "N3" }, _s.CopperSandbox.Copper!.Leads.Select(l => l.Name));
    }

    [Theory]
    [InlineData("copper")]
    [InlineData("ivvy")]
    public void WhatIf_sends_no_request_at_all(string connection)
    {
        var sandbox = connection == "copper" ? _s.CopperSandbox : _s.IvvySandbox;
        var before = sandbox.Requests.TotalCount;
        var row = connection == "copper" ? "@{ name = 'W'; email = 'w@example.test' }" : IvvyRows.Contact("W");

        var result = _s.Run($"{row}, {row} | Invoke-LeadUpsert -Connection ${connection} -MatchField name -WhatIf").ThrowIfErrors();

        Assert.Empty(result.Output);
        Assert.Equal(before, sandbox.Requests.TotalCount);
    }
}
