using System.Collections;
using System.Management.Automation;
using LeadPS.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace LeadPS.Tests.Commands;

/// <summary>
/// Issue 10: same-key rows in input order, whole leads out, trimmed text, every invalid field at
/// once, TargetObject that re-runs, -Culture and -EmptyValue — through the hosted engine, on both platforms.
/// </summary>
public sealed class BatchSemanticsTests : IDisposable
{
    // Latency makes requests overlap; no pacing on either side, so 20 runs stay fast.
    private const string Fast = "@{ Latency = [timespan]::FromMilliseconds(20); RequestsPerMinute = 0 }";

    private readonly SandboxSession _s = new(copperOptions: Fast, ivvyOptions: Fast);

    public void Dispose() => _s.Dispose();

    [Fact]
    public void Copper_eight_rows_with_one_email_at_throttle_limit_8_end_with_the_last_row_20_runs_out_of_20()
    {
        var result = _s.Run("""
            $c = Connect-LeadApi -Platform Copper -Sandbox -PassThru -RequestsPerMinute 0 -SandboxOption @{ Latency = [timespan]::FromMilliseconds(20); RequestsPerMinute = 0 }
            foreach ($run in 1..20) {
                $out = 1..8 | ForEach-Object { [pscustomobject]@{ name = "Dup $run version $_"; email = "  DUP$run@example.test " } } |
                    Invoke-LeadUpsert -Connection $c -MatchField email -ThrottleLimit 8
                "$run|$(@($out).Count)|$(@($out.Id) -join ',')"
            }
            """).ThrowIfErrors();

        var copper = ((LeadPS.Sandbox.LeadSandbox)((LeadPS.Http.LeadApiConnection)_s.Run("Get-LeadApiConnection -Default").Output.Single().BaseObject).Sandbox!).Copper!;
        Assert.Equal(20, result.Output.Count);
        foreach (var line in result.Output.Select(o => o.ToString().Split('|')))
        {
            var run = line[0];
            Assert.Equal("8", line[1]);
            var stored = Assert.Single(copper.Leads, l => string.Equals(l.Email, $"dup{run}@example.test", StringComparison.OrdinalIgnoreCase));
            Assert.All(line[2].Split(','), id => Assert.Equal(stored.Id.ToString(), id));
            Assert.Equal($"Dup {run} version 8", stored.Name);
        }

        // The rows of one run overlapped nothing of their own key, yet every run was one lead.
        Assert.Equal(20, copper.Leads.Count);
    }

    [Fact]
    public void Copper_rows_sharing_a_match_value_do_not_hold_back_other_rows()
    {
        // a1 b1 a2 c1 a3 d1: the a rows run one after another while b, c and d overlap them.
        // A long latency: the third 'a' row cannot start before two answers came back, by then 'd' has long been sent.
        var result = _s.Run("""
            $c = Connect-LeadApi -Platform Copper -Sandbox -PassThru -RequestsPerMinute 0 -SandboxOption @{ Latency = [timespan]::FromMilliseconds(250); RequestsPerMinute = 0 }
            $rows = 'a','b','a','c','a','d' | ForEach-Object -Begin { $i = 0 } -Process { $i++; [pscustomobject]@{ name = "$_ row $i"; email = "$_@overlap.test" } }
            $rows | Invoke-LeadUpsert -Connection $c -ThrottleLimit 8
            , $c.Sandbox.Requests.Snapshot()
            """).ThrowIfErrors();

        Assert.Equal(7, result.Output.Count);
        var upserts = ((IEnumerable)result.Output[6].BaseObject).Cast<LeadPS.Sandbox.Hosting.SandboxRequestRecord>().Where(r => r.PathAndQuery.EndsWith("/leads/upsert")).ToList();
        string NameIn(LeadPS.Sandbox.Hosting.SandboxRequestRecord r) => (string)JObject.Parse(r.Body)["properties"]!["name"]!;
        Assert.Equal(new[] { "a row 1", "a row 3", "a row 5" }, upserts.Where(r => r.Body.Contains("a@overlap.test")).Select(NameIn));
        var received = upserts.ToDictionary(NameIn, r => r.Sequence);
        Assert.True(received["d row 6"] < received["a row 5"], "the row after a waiting same-key row was held back until it ran");
        Assert.True(received["c row 4"] < received["a row 3"], "the row after a waiting same-key row was held back until it ran");
    }

    [Theory]
    [InlineData("copper")]
    [InlineData("ivvy")]
    public void Set_lead_rows_with_one_id_at_throttle_limit_8_end_with_the_last_row(string platform)
    {
        var id = platform == "copper"
            ? _s.CopperSandbox.Copper!.SeedLead("Same id", "same@example.test")
            : _s.IvvySandbox.Ivvy!.SeedLead("Same id", 208);

        var result = _s.Run(
            "$id = $args[0]; 1..8 | ForEach-Object { [pscustomobject]@{ Id = $id; Description = \"version $_\" } } | Set-Lead -Connection $" + platform + " -ThrottleLimit 8",
            id).ThrowIfErrors();

        Assert.Equal(8, result.Output.Count);
        var stored = platform == "copper"
            ? (string?)JObject.Parse(_s.CopperSandbox.Copper!.Leads.Single().Json)["details"]
            : _s.IvvySandbox.Ivvy!.Leads.Single().Description;
        Assert.Equal("version 8", stored);
    }

    [Fact]
    public void Ivvy_eight_rows_with_one_name_at_throttle_limit_8_make_one_lead_holding_the_last_row()
    {
        var result = _s.Run("""
            1..8 | ForEach-Object { [pscustomobject]@{ name = ' Offsite '; contactId = 208; industryId = 22; sourceId = 31; typeId = 43; stageId = 51; description = "version $_" } } |
                Invoke-LeadUpsert -Connection $ivvy -MatchField name -ThrottleLimit 8
            """).ThrowIfErrors();

        Assert.Equal(8, result.Output.Count);
        var lead = Assert.Single(_s.IvvySandbox.Ivvy!.Leads);
        Assert.Equal("version 8", lead.Description);
        Assert.Equal("Offsite", lead.Name);
    }

    [Fact]
    public void Ivvy_update_by_id_outputs_the_whole_lead_as_it_now_stands()
    {
        var id = _s.IvvySandbox.Ivvy!.SeedLead("Board dinner", 208, description: "Twelve guests");

        var result = _s.Run("Set-Lead -Connection $ivvy -Id $args[0] -StageId 53", id).ThrowIfErrors();

        var lead = (IvvyLead)Assert.Single(result.Output).BaseObject;
        Assert.Equal(LeadOutcome.Updated, lead.Outcome);
        Assert.Equal<long?>(53, lead.StageId);
        Assert.Equal("Board dinner", lead.Name);
        Assert.Equal<long?>(208, lead.ContactId);
        Assert.Equal("Twelve guests", lead.Description);
        Assert.Equal<long?>(31, lead.SourceId);
        // The read asked iVvy's list for that one id; the update sent only what was given.
        var requests = _s.IvvySandbox.Requests.Snapshot();
        Assert.Contains(requests, r => r.PathAndQuery.Contains("getLeadList") && r.Body.Contains("\"filter\":{\"id\":" + id + "}"));
        Assert.Equal("{\"id\":" + id + ",\"stageId\":53}", requests.Last(r => r.PathAndQuery.Contains("addOrUpdateLead")).Body);
    }

    [Fact]
    public void Ivvy_update_output_merges_custom_fields_by_id_and_drops_a_contact_the_lead_no_longer_has()
    {
        var id = _s.IvvySandbox.Ivvy!.SeedLead("Gala", 208);
        _s.Run("Set-Lead -Connection $ivvy -Id $args[0] -CustomField @{ 81 = '120'; 82 = '2025-03-01' }", id).ThrowIfErrors();

        var lead = (IvvyLead)Assert.Single(_s.Run("Set-Lead -Connection $ivvy -Id $args[0] -CustomField @{ 81 = '150' } -ContactId 209", id).ThrowIfErrors().Output).BaseObject;

        var fields = ((IEnumerable)lead.Fields["customFields"]!).Cast<object>().Select(f => (IDictionary)f).ToDictionary(f => f["fieldId"]!.ToString()!, f => f["fieldValue"]!.ToString());
        Assert.Equal("150", fields["81"]);
        Assert.Equal("2025-03-01", fields["82"]);
        Assert.Equal<long?>(209, lead.ContactId);
        Assert.False(lead.Fields.TryGetValue("contact", out var contact) && contact != null, "the output still shows the old contact");
    }

    [Fact]
    public void An_unknown_culture_is_refused_before_any_input_is_read()
    {
        var result = _s.Run("@{ name = 'x'; email = 'x@example.test'; monetary_value = '1,200' } | Invoke-LeadUpsert -Connection $copper -Culture foo-bar");

        Assert.Contains("'foo-BAR' is not a culture this system knows", (result.Terminating ?? result.Errors.Single().Exception).Message);
        Assert.Empty(_s.CopperSandbox.Copper!.Leads);
    }

    [Theory]
    [InlineData("Honoured")]
    [InlineData("Ignored")]
    [InlineData("Refused")]
    public void Ivvy_update_by_id_finds_the_lead_whether_the_id_filter_is_honoured_ignored_or_refused(string filters)
    {
        using var s = new SandboxSession(ivvyOptions: $"@{{ IvvyLeadListFilters = '{filters}' }}");
        s.IvvySandbox.Ivvy!.SeedLead("First", 208, description: "one");
        var id = s.IvvySandbox.Ivvy!.SeedLead("Board dinner", 208, description: "Twelve guests");
        s.IvvySandbox.Ivvy!.SeedLead("Last", 208, description: "three");

        var lead = (IvvyLead)Assert.Single(s.Run("Set-Lead -Connection $ivvy -Id $args[0] -StageId 53", id).ThrowIfErrors().Output).BaseObject;

        Assert.Equal(id, lead.Id);
        Assert.Equal("Board dinner", lead.Name);
        Assert.Equal("Twelve guests", lead.Description);
        Assert.Equal<long?>(53, lead.StageId);
    }

    [Fact]
    public void Copper_update_by_id_outputs_the_whole_lead_too()
    {
        var id = _s.CopperSandbox.Copper!.SeedLead("Marie Curie", "marie@example.test");

        var lead = (CopperLead)Assert.Single(_s.Run("Set-Lead -Connection $copper -Id $args[0] -Property @{ title = 'Professor' }", id).ThrowIfErrors().Output).BaseObject;

        Assert.Equal("Marie Curie", lead.Name);
        Assert.Equal("marie@example.test", lead.Email);
        Assert.Equal("Professor", lead.Title);
    }

    [Fact]
    public void Ivvy_match_and_write_both_trim_the_name()
    {
        var id = _s.IvvySandbox.Ivvy!.SeedLead("Board dinner", 208);

        var lead = (IvvyLead)Assert.Single(_s.Run("@{ name = ' board DINNER '; description = '  by the sea ' } | Invoke-LeadUpsert -Connection $ivvy -MatchField name").ThrowIfErrors().Output).BaseObject;

        Assert.Equal(id, lead.Id);
        Assert.Equal(LeadOutcome.Updated, lead.Outcome);
        var stored = Assert.Single(_s.IvvySandbox.Ivvy!.Leads);
        Assert.Equal("board DINNER", stored.Name);
        Assert.Equal("by the sea", stored.Description);
        Assert.Equal("board DINNER", lead.Name);
    }

    [Fact]
    public void Copper_match_and_write_both_trim()
    {
        _s.Run("@{ name = '  Ada Lovelace '; email = ' ada@engine.example '; title = ' Countess ' } | Invoke-LeadUpsert -Connection $copper").ThrowIfErrors();
        _s.Run("@{ name = 'Ada Lovelace'; email = 'ADA@engine.example  ' } | Invoke-LeadUpsert -Connection $copper").ThrowIfErrors();

        var stored = Assert.Single(_s.CopperSandbox.Copper!.Leads);
        Assert.Equal("Ada Lovelace", stored.Name);
        Assert.Equal("Countess", (string?)JObject.Parse(stored.Json)["title"]);
        Assert.DoesNotContain(_s.CopperSandbox.Requests.Snapshot(), r => r.Body.Contains("  Ada") || r.Body.Contains(" Countess"));
    }

    [Theory]
    [InlineData("copper")]
    [InlineData("ivvy")]
    public void A_failed_call_s_target_object_holds_only_lead_fields_and_re_runs_cleanly(string platform)
    {
        var result = _s.Run(
            "Set-Lead -Connection $" + platform + " -Id 424242 -Name 'Ghost' -Property @{ description = 'x' } -ErrorVariable ms -ErrorAction SilentlyContinue -WarningAction SilentlyContinue -InformationAction Ignore\n"
            + "$ms[0].TargetObject\n"
            + "$ms.TargetObject | Set-Lead -Connection $" + platform + " -ErrorVariable again -ErrorAction SilentlyContinue -WarningVariable w\n"
            + "$w.Count; $again.Count; $again[0].FullyQualifiedErrorId");

        var target = Assert.IsAssignableFrom<IDictionary>(result.Output[0].BaseObject);
        Assert.Equal(new[] { "description", "id", "name" }, target.Keys.Cast<string>().OrderBy(k => k));
        Assert.Equal(424242L, target["id"]);
        Assert.Equal(0, (int)result.Output[1].BaseObject);
        Assert.Equal(1, (int)result.Output[2].BaseObject);
        Assert.StartsWith("LeadNotFound,", (string)result.Output[3].BaseObject);
    }

    [Fact]
    public void A_failed_row_s_target_object_fixed_and_piped_back_succeeds()
    {
        var result = _s.Run("""
            Set-Lead -Connection $copper -Name 'Fix me' -Property @{ monetary_value = 'lots' } -ErrorVariable ms -ErrorAction SilentlyContinue
            $row = $ms[0].TargetObject
            $row.monetary_value = 1500
            $row | Set-Lead -Connection $copper
            """);

        var lead = (CopperLead)Assert.Single(result.Output).BaseObject;
        Assert.Equal(LeadOutcome.Created, lead.Outcome);
        Assert.Equal(1500L, (long)JObject.Parse(_s.CopperSandbox.Copper!.Leads.Single().Json)["monetary_value"]!);
    }

    [Fact]
    public void Copper_row_with_a_bad_number_and_a_bad_date_gets_one_error_naming_both()
    {
        var result = _s.Run("""
            [pscustomobject]@{ name = 'Row 7'; email = 'r7@example.test'; monetary_value = '1,200'; 'Expected Close Date' = '31/05/2024'; assignee_id = 'abc' } |
                Invoke-LeadUpsert -Connection $copper
            """);

        var record = Assert.Single(result.Errors);
        Assert.StartsWith("LeadInvalid,", record.FullyQualifiedErrorId);
        var error = Assert.IsType<LeadValidationException>(record.Exception);
        Assert.Equal(new[] { "monetary_value", "Expected Close Date", "assignee_id" }, error.InvalidFields);
        Assert.Equal(3, error.FieldErrors.Count);
        Assert.Contains("'1,200'", error.Message);
        Assert.Contains("'31/05/2024'", error.Message);
        Assert.Contains("'abc'", error.Message);
        Assert.DoesNotContain(_s.CopperSandbox.Requests.Snapshot(), r => r.PathAndQuery.EndsWith("/leads/upsert"));
    }

    [Fact]
    public void Ivvy_row_with_bad_and_missing_fields_gets_one_error_naming_all()
    {
        var result = _s.Run("""
            [pscustomobject]@{ name = 'New lead'; sourceId = 'web'; typeId = '43'; stageId = 'first' } | Set-Lead -Connection $ivvy
            """);

        var error = Assert.IsType<LeadValidationException>(Assert.Single(result.Errors).Exception);
        Assert.Equal(new[] { "sourceId", "stageId", "contactId", "industryId" }, error.InvalidFields);
        Assert.Contains("'web'", error.Message);
        Assert.Contains("'first'", error.Message);
        Assert.DoesNotContain(_s.IvvySandbox.Requests.Snapshot(), r => r.PathAndQuery.Contains("addOrUpdateLead"));
    }

    [Fact]
    public void Culture_reads_thousands_separators_and_local_dates_and_refuses_ambiguous_values()
    {
        var result = _s.Run("""
            $rows = @(
                [pscustomobject]@{ name = 'Gb'; email = 'gb@example.test'; monetary_value = '1,200.50'; 'Expected Close Date' = '31/05/2024' }
                [pscustomobject]@{ name = 'Amb'; email = 'amb@example.test'; monetary_value = '1,20'; 'Expected Close Date' = '31/05/2024' }
                [pscustomobject]@{ name = 'Yy'; email = 'yy@example.test'; monetary_value = '5'; 'Expected Close Date' = '31/05/24' })
            $rows | Invoke-LeadUpsert -Connection $copper -Culture en-GB -ThrottleLimit 1
            [pscustomobject]@{ name = 'De'; email = 'de@example.test'; monetary_value = '1.234,5' } | Invoke-LeadUpsert -Connection $copper -Culture de-DE
            """);

        Assert.Equal(2, result.Output.Count);
        var gb = JObject.Parse(Assert.Single(_s.CopperSandbox.Copper!.Leads, l => l.Email == "gb@example.test").Json);
        Assert.Equal(1200.5m, (decimal)gb["monetary_value"]!);
        var closeDate = gb["custom_fields"]!.Single(f => (long)f["custom_field_definition_id"]! == 128735)["value"]!;
        Assert.Equal(new DateTimeOffset(2024, 5, 31, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), (long)closeDate);
        Assert.Equal(1234.5m, (decimal)JObject.Parse(Assert.Single(_s.CopperSandbox.Copper!.Leads, l => l.Email == "de@example.test").Json)["monetary_value"]!);

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Contains("is ambiguous", e.Exception.Message));
        Assert.Contains("en-GB", result.Errors[0].Exception.Message);
        Assert.Contains("two digits", result.Errors[1].Exception.Message);
    }

    [Fact]
    public void Without_culture_the_invariant_rules_stay_and_the_error_points_to_culture()
    {
        var result = _s.Run("@{ name = 'Inv'; email = 'inv@example.test'; monetary_value = '1,200' } | Invoke-LeadUpsert -Connection $copper");

        var error = Assert.IsType<LeadValidationException>(Assert.Single(result.Errors).Exception);
        Assert.Contains("-Culture", error.Message);
        Assert.Empty(_s.CopperSandbox.Copper!.Leads);
    }

    [Fact]
    public void Copper_blank_cells_are_skipped_by_default_and_clear_with_empty_value_clear_or_null()
    {
        _s.Run("@{ name = 'Clear me'; email = 'clear@example.test'; title = 'CTO'; company_name = 'Acme'; details = 'Notes' } | Invoke-LeadUpsert -Connection $copper").ThrowIfErrors();
        JObject Stored() => JObject.Parse(_s.CopperSandbox.Copper!.Leads.Single().Json);

        _s.Run("[pscustomobject]@{ email = 'clear@example.test'; title = '' } | Invoke-LeadUpsert -Connection $copper").ThrowIfErrors();
        Assert.Equal("CTO", (string?)Stored()["title"]);

        _s.Run("[pscustomobject]@{ email = 'clear@example.test'; title = '' } | Invoke-LeadUpsert -Connection $copper -EmptyValue Clear").ThrowIfErrors();
        Assert.Equal(JTokenType.Null, Stored()["title"]!.Type);
        Assert.Equal("Acme", (string?)Stored()["company_name"]);

        var id = _s.CopperSandbox.Copper!.Leads.Single().Id;
        _s.Run("Set-Lead -Connection $copper -Id $args[0] -Property @{ company_name = $null }", id).ThrowIfErrors();
        Assert.Equal(JTokenType.Null, Stored()["company_name"]!.Type);
        Assert.Equal("Notes", (string?)Stored()["details"]);
    }

    [Fact]
    public void A_lead_piped_back_in_does_not_clear_what_it_read_as_empty()
    {
        _s.CopperSandbox.Copper!.SeedLead("Round trip", "trip@example.test");

        _s.Run("Get-Lead -Connection $copper -Email trip@example.test | Invoke-LeadUpsert -Connection $copper -WarningAction SilentlyContinue").ThrowIfErrors();

        var upsert = _s.CopperSandbox.Requests.Snapshot().Last(r => r.PathAndQuery.EndsWith("/leads/upsert"));
        Assert.DoesNotContain("null", upsert.Body);
    }

    [Fact]
    public void Ivvy_clears_description_and_custom_values_and_refuses_to_clear_an_id_field()
    {
        var id = _s.IvvySandbox.Ivvy!.SeedLead("Gala", 208, description: "Black tie");
        _s.Run("Set-Lead -Connection $ivvy -Id $args[0] -CustomField @{ 81 = 'Gold' }", id).ThrowIfErrors();

        // By default a blank cell is no value: this row has nothing to send.
        var skipped = _s.Run("[pscustomobject]@{ id = \"$($args[0])\"; description = '' } | Set-Lead -Connection $ivvy", id);
        Assert.StartsWith("Nothing to update", Assert.Single(skipped.Errors).Exception.Message);
        Assert.Equal("Black tie", _s.IvvySandbox.Ivvy!.Leads.Single().Description);

        var cleared = _s.Run("[pscustomobject]@{ id = \"$($args[0])\"; description = ''; 'customFields.81' = ' ' } | Set-Lead -Connection $ivvy -EmptyValue Clear", id).ThrowIfErrors();
        var stored = _s.IvvySandbox.Ivvy!.Leads.Single();
        Assert.Equal(string.Empty, stored.Description);
        Assert.Equal(string.Empty, stored.CustomFields[81].ToString());
        Assert.Equal("Gala", ((IvvyLead)Assert.Single(cleared.Output).BaseObject).Name);

        var before = _s.IvvySandbox.Requests.Snapshot().Count;
        var refused = _s.Run("Set-Lead -Connection $ivvy -Id $args[0] -Property @{ sourceId = $null; description = 'kept?' }", id);
        var error = Assert.IsType<LeadValidationException>(Assert.Single(refused.Errors).Exception);
        Assert.Equal(new[] { "sourceId" }, error.InvalidFields);
        Assert.Contains("iVvy cannot clear 'sourceId'", error.Message);
        Assert.Equal(before, _s.IvvySandbox.Requests.Snapshot().Count);
        Assert.Equal<long?>(31, _s.IvvySandbox.Ivvy!.Leads.Single().SourceId);
    }

    [Theory]
    [InlineData("copper")]
    [InlineData("ivvy")]
    public void Every_input_of_a_batch_with_shared_keys_bad_rows_and_clears_yields_one_output_or_one_error(string platform)
    {
        var script = platform == "copper"
            ? """
              $inputs = [System.Collections.ArrayList]::new()
              for ($i = 0; $i -lt 60; $i++) {
                  $row = switch ($i % 6) {
                      0 { [pscustomobject]@{ name = "Shared $i"; email = ' shared@example.test ' } }
                      1 { [pscustomobject]@{ name = "Bad $i"; email = "bad$i@example.test"; monetary_value = '1,2'; assignee_id = 'x' } }
                      2 { [pscustomobject]@{ name = "Local $i"; email = "local$i@example.test"; monetary_value = '1,200' } }
                      3 { [pscustomobject]@{ name = "Clear $i"; email = "clear$i@example.test"; title = '' } }
                      4 { @{ name = "Null $i"; email = "null$i@example.test"; details = $null } }
                      default { [pscustomobject]@{ name = "Row $i"; email = 'SHARED@example.test' } }
                  }
                  $null = $inputs.Add($row)
              }
              $out = $inputs | Invoke-LeadUpsert -Connection $copper -ThrottleLimit 8 -Culture en-US -EmptyValue Clear -ErrorVariable failed -ErrorAction SilentlyContinue
              , $inputs
              , @($out)
              , @($failed)
              """
            : """
              $inputs = [System.Collections.ArrayList]::new()
              for ($i = 0; $i -lt 60; $i++) {
                  $row = switch ($i % 6) {
                      0 { [pscustomobject]@{ name = ' Shared '; contactId = 208; industryId = 22; sourceId = 31; typeId = 43; stageId = 51; description = "v$i" } }
                      1 { [pscustomobject]@{ name = "Bad $i"; contactId = 'x'; industryId = 22; sourceId = 'y'; typeId = 43; stageId = 51 } }
                      2 { [pscustomobject]@{ name = "Row $i"; contactId = 208; industryId = 22; sourceId = 31; typeId = 43; stageId = 51; description = '' } }
                      3 { @{ name = 'shared'; ownerUserId = $null } }
                      4 { @{ name = "New $i"; contactId = 208; industryId = 22; sourceId = 31; typeId = 43; stageId = 51; description = $null } }
                      default { [pscustomobject]@{ name = 'SHARED'; description = "v$i" } }
                  }
                  $null = $inputs.Add($row)
              }
              $out = $inputs | Invoke-LeadUpsert -Connection $ivvy -MatchField name -ThrottleLimit 8 -EmptyValue Clear -ErrorVariable failed -ErrorAction SilentlyContinue
              , $inputs
              , @($out)
              , @($failed)
              """;

        var result = _s.Run(script);

        Assert.Null(result.TerminatingRecord);
        var inputs = ((IEnumerable)result.Output[0].BaseObject).Cast<object>().Select(Unwrap).ToList();
        var outputs = ((object[])result.Output[1].BaseObject).Cast<PSObject>().ToList();
        var errors = ((object[])result.Output[2].BaseObject).Cast<object>().Select(e => (ErrorRecord)Unwrap(e)).ToList();
        Assert.Equal(60, inputs.Count);
        Assert.Equal(60, outputs.Count + errors.Count);
        // Copper: the bad rows; iVvy: the bad rows and the rows asking to clear ownerUserId.
        Assert.Equal(platform == "copper" ? 10 : 20, errors.Count);
        var targets = errors.Select(e => Unwrap(e.TargetObject)).Concat(outputs.Select(o => Unwrap(((Lead)o.BaseObject).Input))).ToList();
        Assert.All(targets, t => Assert.Contains(inputs, i => ReferenceEquals(i, t)));
        Assert.Equal(60, targets.Distinct(ReferenceEqualityComparer.Instance).Count());

        // The shared-key rows ran in input order: the last one (i = 59, 'default') wins.
        if (platform == "copper")
        {
            Assert.Equal("Row 59", Assert.Single(_s.CopperSandbox.Copper!.Leads, l => string.Equals(l.Email, "shared@example.test", StringComparison.OrdinalIgnoreCase)).Name);
        }
        else
        {
            Assert.Equal("v59", Assert.Single(_s.IvvySandbox.Ivvy!.Leads, l => l.Name.Equals("shared", StringComparison.OrdinalIgnoreCase)).Description);
        }
    }

    private static object Unwrap(object? value) => value is PSObject ps && ps.BaseObject is not PSCustomObject ? ps.BaseObject : value!;
}
