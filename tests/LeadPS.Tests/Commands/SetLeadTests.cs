using System.Management.Automation;
using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Commands;

public sealed class SetLeadTests : IDisposable
{
    private readonly SandboxSession _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public void Ivvy_typed_parameters_add_a_lead_and_Id_updates_it()
    {
        var added = _s.Run("Set-Lead -Connection $ivvy -Name 'Board dinner' -ContactId 208 -IndustryId 22 -SourceId 31 -TypeId 43 -StageId 51 -Description 'first'").ThrowIfErrors();
        var lead = (IvvyLead)Assert.Single(added.Output).BaseObject;
        Assert.Equal(LeadOutcome.Created, lead.Outcome);

        var updated = _s.Run("Set-Lead -Connection $ivvy -Id $args[0] -Description 'second' -StageId 53 -StageReasonId 532", lead.Id).ThrowIfErrors();

        var after = (IvvyLead)Assert.Single(updated.Output).BaseObject;
        Assert.Equal(LeadOutcome.Updated, after.Outcome);
        Assert.Equal(lead.Id, after.Id);
        var stored = Assert.Single(_s.IvvySandbox.Ivvy!.Leads);
        Assert.Equal("second", stored.Description);
        Assert.Equal(53, stored.StageId);
        Assert.Equal("Board dinner", stored.Name);
    }

    [Fact]
    public void Ivvy_rows_bind_by_property_name_and_a_missing_required_field_is_named_before_any_request()
    {
        var before = _s.IvvySandbox.Requests.TotalCount;

        var result = _s.Run("[pscustomobject]@{ Name = 'No stage'; ContactId = '208'; IndustryId = '22'; SourceId = '31'; TypeId = '43' } | Set-Lead -Connection $ivvy");

        var record = Assert.Single(result.Errors);
        Assert.Equal("LeadInvalid", record.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidData, record.CategoryInfo.Category);
        Assert.Equal("stageId", Assert.IsType<LeadValidationException>(record.Exception).FieldName);
        Assert.Contains("stageId", record.ErrorDetails.Message);
        Assert.Equal(before, _s.IvvySandbox.Requests.TotalCount);
    }

    [Fact]
    public void Ivvy_company_lead_with_nested_contact_and_custom_fields()
    {
        var result = _s.Run("""
            Set-Lead -Connection $ivvy -Name 'Harbourside gala' -CompanyId 101 -SourceId 32 -TypeId 44 -StageId 52 `
                -CustomField @{ 81 = 150 } -Property @{ contact = @{ firstName = 'Nia'; lastName = 'Okafor'; email = 'nia@harbourside.example' } }
            """).ThrowIfErrors();

        var lead = (IvvyLead)Assert.Single(result.Output).BaseObject;
        var stored = _s.IvvySandbox.Ivvy!.Leads.Single(l => l.Id == lead.Id);
        Assert.Equal(101, stored.CompanyId);
        Assert.NotNull(stored.CompanyLeadContactId);
        Assert.Contains(_s.IvvySandbox.Ivvy!.Contacts, c => c.Email == "nia@harbourside.example" && c.Id == stored.CompanyLeadContactId);
        Assert.Equal(150L, Convert.ToInt64(stored.CustomFields[81]));
    }

    [Fact]
    public void Copper_adds_without_Id_and_updates_with_it_through_Property()
    {
        var added = _s.Run("Set-Lead -Connection $copper -Name 'Marie Curie' -Property @{ email = 'marie@example.test'; tags = 'physics;chemistry'; Industry = 'Healthcare' }").ThrowIfErrors();
        var lead = (CopperLead)Assert.Single(added.Output).BaseObject;
        Assert.Equal(LeadOutcome.Created, lead.Outcome);
        Assert.Equal(new[] { "physics", "chemistry" }, lead.Tags);

        var updated = _s.Run("Set-Lead -Connection $copper -Id $args[0] -Property @{ title = 'Professor' }", lead.Id).ThrowIfErrors();

        var after = (CopperLead)Assert.Single(updated.Output).BaseObject;
        Assert.Equal(LeadOutcome.Updated, after.Outcome);
        Assert.Equal("Professor", after.Title);
        Assert.Equal("marie@example.test", after.Email);
        var request = _s.CopperSandbox.Requests.Snapshot().Last();
        Assert.Equal("PUT", request.Method);
        Assert.EndsWith("/leads/" + lead.Id, request.PathAndQuery);
        Assert.Equal("{\"title\":\"Professor\"}", request.Body);
    }

    [Theory]
    [InlineData("copper", "LeadNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData("ivvy", "LeadNotFound", ErrorCategory.ObjectNotFound)]
    public void Updating_an_unknown_id_is_LeadNotFound(string connection, string errorId, ErrorCategory category)
    {
        var result = _s.Run($"Set-Lead -Connection ${connection} -Id 424242 -Name 'Ghost'");

        var record = Assert.Single(result.Errors);
        Assert.Equal(errorId, record.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(category, record.CategoryInfo.Category);
        if (connection == "ivvy")
        {
            Assert.Equal(24216, Assert.IsType<LeadPlatformException>(record.Exception).PlatformCode);
            Assert.Equal("The lead does not exist", record.ErrorDetails.Message);
        }
        else
        {
            Assert.Equal(404, Assert.IsType<LeadApiException>(record.Exception).StatusCode);
        }
    }

    [Fact]
    public void Get_Lead_piped_into_Set_Lead_updates_what_was_read()
    {
        _s.CopperSandbox.Copper!.SeedLead("Pipe One", "p1@example.test");
        _s.CopperSandbox.Copper!.SeedLead("Pipe Two", "p2@example.test");
        _s.CopperSandbox.Copper!.SeedLead("Other", "o@example.test");

        var result = _s.Run("Get-Lead -Connection $copper -Name 'Pipe*' | Set-Lead -Connection $copper -Property @{ status = 'Qualified' }").ThrowIfErrors();

        Assert.Equal(2, result.Output.Count);
        Assert.All(result.Output, o => Assert.Equal("Qualified", ((CopperLead)o.BaseObject).Status));
        Assert.All(result.Output, o => Assert.Equal(LeadOutcome.Updated, ((CopperLead)o.BaseObject).Outcome));
        Assert.DoesNotContain("Qualified", _s.CopperSandbox.Copper!.Leads.Single(l => l.Name == "Other").Json);
    }

    [Fact]
    public void Get_Lead_piped_into_Set_Lead_on_ivvy_binds_the_ids_by_property_name()
    {
        var id = _s.IvvySandbox.Ivvy!.SeedLead("Piped", 208);

        var result = _s.Run("Get-Lead -Connection $ivvy -Id $args[0] | Set-Lead -Connection $ivvy -Description 'via pipe'", id).ThrowIfErrors();

        var lead = (IvvyLead)Assert.Single(result.Output).BaseObject;
        Assert.Equal(id, lead.Id);
        Assert.Equal("via pipe", _s.IvvySandbox.Ivvy!.Leads.Single().Description);
    }

    [Theory]
    [InlineData("copper")]
    [InlineData("ivvy")]
    public void WhatIf_sends_nothing_and_Confirm_is_declared(string connection)
    {
        var sandbox = connection == "copper" ? _s.CopperSandbox : _s.IvvySandbox;
        var before = sandbox.Requests.TotalCount;

        var result = _s.Run($"Set-Lead -Connection ${connection} -Id 5 -Name 'x' -WhatIf; (Get-Command Set-Lead).Parameters.ContainsKey('Confirm')").ThrowIfErrors();

        Assert.True((bool)Assert.Single(result.Output).BaseObject);
        Assert.Equal(before, sandbox.Requests.TotalCount);
    }

    [Fact]
    public void Unknown_properties_are_warned_about_once_per_command_and_not_sent()
    {
        var result = _s.Run("1..3 | ForEach-Object { @{ name = \"Lead $_\"; email = \"l$_@example.test\"; favourite_colour = 'teal' } } | Set-Lead -Connection $copper").ThrowIfErrors();

        Assert.Equal(3, result.Output.Count);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains("favourite_colour", warning);
        Assert.DoesNotContain(_s.CopperSandbox.Requests.Snapshot(), r => r.Body.Contains("teal"));
    }
}
