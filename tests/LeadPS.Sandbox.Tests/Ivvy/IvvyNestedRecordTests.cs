using LeadPS.Sandbox.Ivvy;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Ivvy;

public class IvvyNestedRecordTests
{
    private readonly IvvyTestApi _api = new();

    [Fact]
    public void A_new_nested_contact_is_created_and_becomes_the_leads_contact()
    {
        var body = IvvyTestApi.ValidContactLead();
        body.Remove("contactId");
        body["contact"] = JObject.Parse("""{"firstName":"Nina","lastName":"Kowalski","email":"nina@kowalski.example","phone":"+61 400 000 111"}""");

        var reply = _api.AddLead(body);

        Assert.Equal(200, reply.Status);
        var created = _api.Emulator.Contacts.Single(c => c.Email == "nina@kowalski.example");
        Assert.Equal(211, created.Id);
        Assert.Equal("Nina", created.FirstName);
        Assert.Equal("+61 400 000 111", created.Phone);
        Assert.Equal(created.Id, _api.Emulator.Leads.Single().ContactId);
    }

    [Fact]
    public void A_nested_contact_with_an_id_updates_only_the_values_given()
    {
        var body = IvvyTestApi.ValidContactLead();
        body.Remove("contactId");
        body["contact"] = JObject.Parse("""{"id":208,"email":"jack@new-mail.example"}""");

        Assert.Equal(200, _api.AddLead(body).Status);

        var jack = _api.Emulator.Contacts.Single(c => c.Id == IvvySeedIds.ContactJackTaylor);
        Assert.Equal("jack@new-mail.example", jack.Email);
        Assert.Equal("Jack", jack.FirstName);
        Assert.Equal("+61 400 555 801", jack.Phone);
        Assert.Equal(10, _api.Emulator.Contacts.Count);
        Assert.Equal(IvvySeedIds.ContactJackTaylor, _api.Emulator.Leads.Single().ContactId);
    }

    [Fact]
    public void A_new_nested_company_and_contact_make_a_company_lead_in_one_call()
    {
        var body = JObject.Parse("""
            {
              "name": "Product launch",
              "sourceId": 33, "typeId": 44, "stageId": 51,
              "company": {"businessName": "Northwind Traders", "email": "events@northwind.example"},
              "contact": {"firstName": "Ana", "lastName": "Trujillo", "email": "ana@northwind.example"}
            }
            """);

        var reply = _api.AddLead(body);

        Assert.Equal(200, reply.Status);
        var company = _api.Emulator.Companies.Single(c => c.BusinessName == "Northwind Traders");
        var contact = _api.Emulator.Contacts.Single(c => c.Email == "ana@northwind.example");
        Assert.Equal(105, company.Id);
        Assert.Equal(new[] { contact.Id }, company.ContactIds);
        var lead = _api.Emulator.Leads.Single();
        Assert.Equal(company.Id, lead.CompanyId);
        Assert.Equal(contact.Id, lead.CompanyLeadContactId);
    }

    [Fact]
    public void A_new_nested_contact_joins_an_existing_company()
    {
        var body = IvvyTestApi.ValidCompanyLead();
        body.Remove("companyLeadContactId");
        body["contact"] = JObject.Parse("""{"firstName":"Tom","lastName":"Reed","email":"tom.reed@harbourside.example"}""");

        Assert.Equal(200, _api.AddLead(body).Status);

        var tom = _api.Emulator.Contacts.Single(c => c.Email == "tom.reed@harbourside.example");
        Assert.Contains(tom.Id, _api.Emulator.Companies.Single(c => c.Id == IvvySeedIds.CompanyHarbourside).ContactIds);
        Assert.Equal(tom.Id, _api.Emulator.Leads.Single().CompanyLeadContactId);
    }

    [Fact]
    public void A_nested_company_with_an_id_updates_it_and_makes_a_company_lead()
    {
        var body = IvvyTestApi.ValidCompanyLead();
        body.Remove("companyId");
        body["company"] = JObject.Parse("""{"id":101,"phone":"+61 2 5550 9999"}""");

        Assert.Equal(200, _api.AddLead(body).Status);

        var company = _api.Emulator.Companies.Single(c => c.Id == IvvySeedIds.CompanyHarbourside);
        Assert.Equal("+61 2 5550 9999", company.Phone);
        Assert.Equal("Harbourside Events Pty Ltd", company.BusinessName);
        Assert.Equal(IvvySeedIds.CompanyHarbourside, _api.Emulator.Leads.Single().CompanyId);
    }

    [Fact]
    public void A_refused_lead_creates_no_nested_records()
    {
        var body = JObject.Parse("""
            {
              "name": "No source",
              "typeId": 44, "stageId": 51,
              "company": {"businessName": "Ghost Co"},
              "contact": {"firstName": "Gus", "lastName": "Ghost", "email": "gus@ghost.example"}
            }
            """);

        var reply = _api.AddLead(body);

        Assert.Equal(24218, reply.SpecificCode);
        Assert.Equal(4, _api.Emulator.Companies.Count);
        Assert.Equal(10, _api.Emulator.Contacts.Count);
        Assert.Empty(_api.Emulator.Leads);
    }

    [Fact]
    public void An_existing_contact_cannot_lead_a_new_company()
    {
        var body = IvvyTestApi.ValidCompanyLead();
        body.Remove("companyId");
        body["company"] = JObject.Parse("""{"businessName":"Fresh Co"}""");

        var reply = _api.AddLead(body);

        Assert.Equal(24218, reply.SpecificCode);
        Assert.Contains("contact 201 does not belong to the new company", reply.AdditionalMessages);
    }

    [Theory]
    [InlineData("""{"companyId":101,"company":{"id":102}}""", "'companyId' 101 and 'company.id' 102 name different companies")]
    [InlineData("""{"companyId":101,"company":{"businessName":"X"}}""", "'company' describes a new company, but 'companyId' 101 names an existing one")]
    [InlineData("""{"company":{"id":999}}""", "'company.id' 999 is not a company")]
    [InlineData("""{"contactId":208,"contact":{"id":209}}""", "'contactId' 208 and 'contact.id' 209 name different contacts")]
    [InlineData("""{"contactId":208,"contact":{"firstName":"A","lastName":"B","email":"a@b.example"}}""", "'contact' describes a new contact, but 'contactId' 208 names an existing one")]
    [InlineData("""{"contact":{"id":999}}""", "'contact.id' 999 is not a contact")]
    public void Conflicting_or_unknown_nested_references_are_24218(string json, string expected)
    {
        var body = IvvyTestApi.ValidContactLead();
        body.Remove("contactId");
        body.Merge(JObject.Parse(json));

        var reply = _api.AddLead(body);

        Assert.Equal(24218, reply.SpecificCode);
        Assert.Contains(expected, reply.AdditionalMessages);
    }
}
