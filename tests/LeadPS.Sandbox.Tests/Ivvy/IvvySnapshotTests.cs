using LeadPS.Sandbox.Ivvy;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Ivvy;

public class IvvySnapshotTests
{
    private readonly IvvyTestApi _api = new();

    [Fact]
    public void SeedLead_adds_leads_with_the_same_name()
    {
        var first = _api.Emulator.SeedLead("Duplicate", IvvySeedIds.ContactJackTaylor);
        var second = _api.Emulator.SeedLead("Duplicate", IvvySeedIds.ContactZoeMartin, description: "the other one");

        Assert.NotEqual(first, second);
        Assert.Equal(new[] { "Duplicate", "Duplicate" }, _api.Emulator.Leads.Select(l => l.Name));
        Assert.Equal("the other one", _api.Emulator.Leads[1].Description);
    }

    [Fact]
    public void SeedLead_applies_the_same_rules_as_the_api()
    {
        var error = Assert.Throws<ArgumentException>(() => _api.Emulator.SeedLead("Bad", contactId: 999));

        Assert.Contains("'contactId' 999 is not a contact", error.Message);
        Assert.Empty(_api.Emulator.Leads);
    }

    [Fact]
    public void SeedCompanyLead_adds_a_company_lead()
    {
        var id = _api.Emulator.SeedCompanyLead("Retreat", IvvySeedIds.CompanyCoastalHealth, IvvySeedIds.ContactIslaWilson);

        var lead = _api.Emulator.Leads.Single();
        Assert.Equal(id, lead.Id);
        Assert.Equal(IvvySeedIds.CompanyCoastalHealth, lead.CompanyId);
        Assert.Equal(IvvySeedIds.ContactIslaWilson, lead.CompanyLeadContactId);
    }

    [Fact]
    public void A_snapshot_does_not_change_when_the_store_does()
    {
        var id = _api.Emulator.SeedLead("Before", IvvySeedIds.ContactJackTaylor);
        var snapshot = _api.Emulator.Leads;

        _api.AddLead(new JObject { ["id"] = id, ["name"] = "After" });
        _api.Emulator.SeedLead("Another", IvvySeedIds.ContactJackTaylor);

        Assert.Equal("Before", snapshot.Single().Name);
        Assert.Equal("After", _api.Emulator.Leads[0].Name);
    }

    [Fact]
    public void A_snapshots_json_is_the_getLeadList_result()
    {
        _api.Emulator.SeedLead("Json", IvvySeedIds.ContactJackTaylor, description: "d");

        var fromList = (JObject)_api.LeadList().Results.Single();

        Assert.True(JToken.DeepEquals(fromList, JObject.Parse(_api.Emulator.Leads.Single().Json)));
    }

    [Fact]
    public void The_seeded_catalogue_matches_the_documented_ids()
    {
        var companies = _api.Emulator.Companies;
        var contacts = _api.Emulator.Contacts;

        Assert.Equal(new long[] { 101, 102, 103, 104 }, companies.Select(c => c.Id));
        Assert.Equal(Enumerable.Range(201, 10).Select(i => (long)i), contacts.Select(c => c.Id));
        Assert.Equal(new long[] { 201, 202 }, companies[0].ContactIds);
        Assert.Equal(new long[] { 203, 204 }, companies[1].ContactIds);
        Assert.Equal(new long[] { 205 }, companies[2].ContactIds);
        Assert.Equal(new long[] { 206, 207 }, companies[3].ContactIds);
        Assert.Equal("jack.taylor@mail.example", contacts.Single(c => c.Id == IvvySeedIds.ContactJackTaylor).Email);
    }
}
