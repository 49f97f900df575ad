using LeadPS.Sandbox.Ivvy;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Ivvy;

public class IvvyLookupListTests
{
    private readonly IvvyTestApi _api = new();

    [Theory]
    [InlineData("crm", "getLeadQualityList", new long[] { 11, 12, 13 })]
    [InlineData("crm", "getLeadSourceList", new long[] { 31, 32, 33, 34, 35 })]
    [InlineData("crm", "getLeadStageList", new long[] { 51, 52, 53, 54, 55 })]
    [InlineData("crm", "getLeadTypeList", new long[] { 41, 42, 43, 44 })]
    [InlineData("crm", "getLeadChannelList", new long[] { 61, 62, 63, 64 })]
    [InlineData("account", "getIndustryList", new long[] { 21, 22, 23, 24, 25 })]
    [InlineData("account", "getUserList", new long[] { 71, 72 })]
    [InlineData("contact", "getContactList", new long[] { 201, 202, 203, 204, 205, 206, 207, 208, 209, 210 })]
    [InlineData("contact", "getCompanyList", new long[] { 101, 102, 103, 104 })]
    public void Lists_the_seeded_catalogue_with_paging_meta(string ns, string action, long[] expectedIds)
    {
        var reply = _api.Post(ns, action);

        Assert.Equal(200, reply.Status);
        Assert.Equal(expectedIds, reply.Results.Select(r => (long)r["id"]!));
        Assert.Equal(expectedIds.Length, (int)reply.Meta["totalResults"]!);
        Assert.Equal(expectedIds.Length, (int)reply.Meta["count"]!);
        Assert.Equal(0, (int)reply.Meta["start"]!);
        Assert.Equal(100, (int)reply.Meta["perPage"]!);
    }

    [Fact]
    public void Lookups_page_like_every_collection()
    {
        var reply = _api.Post("contact", "getContactList", """{"perPage":3,"start":8}""");

        Assert.Equal(new long[] { 209, 210 }, reply.Results.Select(r => (long)r["id"]!));
        Assert.Equal(10, (int)reply.Meta["totalResults"]!);
        Assert.Equal(2, (int)reply.Meta["count"]!);
    }

    [Fact]
    public void Stages_carry_their_reasons()
    {
        var stages = _api.Post("crm", "getLeadStageList").Results;

        var lost = stages.Single(s => (long)s["id"]! == IvvySeedIds.StageLost);
        Assert.Equal("Lost", (string?)lost["name"]);
        Assert.Equal(new long[] { 551, 552, 553 }, lost["reasons"]!.Select(r => (long)r["id"]!));
        Assert.Empty((JArray)stages.Single(s => (long)s["id"]! == IvvySeedIds.StageNew)["reasons"]!);
    }

    [Fact]
    public void Types_carry_their_sub_types()
    {
        var types = _api.Post("crm", "getLeadTypeList").Results;

        var corporate = types.Single(t => (long)t["id"]! == IvvySeedIds.TypeCorporate);
        Assert.Equal("Corporate", (string?)corporate["type"]);
        Assert.Equal("Corporate", (string?)corporate["name"]);
        Assert.Equal(new[] { "Conference", "Training Day" }, corporate["subtypes"]!.Select(s => (string)s["name"]!));
        Assert.Empty((JArray)types.Single(t => (long)t["id"]! == IvvySeedIds.TypeReseller)["subtypes"]!);
    }

    [Fact]
    public void Companies_carry_their_contacts()
    {
        var companies = _api.Post("contact", "getCompanyList").Results;

        var summit = companies.Single(c => (long)c["id"]! == IvvySeedIds.CompanySummitTechnology);
        Assert.Equal("Summit Technology Group", (string?)summit["businessName"]);
        Assert.Equal(new long[] { 203, 204 }, summit["contacts"]!.Select(c => (long)c["id"]!));
        Assert.Equal("ava.nguyen@summit-tech.example", (string?)summit["contacts"]![1]!["email"]);
    }

    [Fact]
    public void Contacts_can_be_found_by_email()
    {
        var reply = _api.Post("contact", "getContactList", """{"filter":{"email":"Mia.Thompson@greenfield.example"}}""");

        var mia = (JObject)reply.Results.Single();
        Assert.Equal(IvvySeedIds.ContactMiaThompson, (long)mia["id"]!);
        Assert.Equal("Mia", (string?)mia["firstName"]);
        Assert.Equal("Thompson", (string?)mia["lastName"]);
    }

    [Fact]
    public void Lookups_filter_by_name()
    {
        var reply = _api.Post("crm", "getLeadSourceList", """{"filter":{"name__CONTAINS":"show"}}""");

        Assert.Equal(IvvySeedIds.SourceTradeShow, (long)reply.Results.Single()["id"]!);
    }

    [Fact]
    public void Lookups_refuse_an_unknown_filter()
    {
        var reply = _api.Post("crm", "getLeadQualityList", """{"filter":{"colour":"red"}}""");

        Assert.Equal(23016, reply.SpecificCode);
    }

    [Fact]
    public void Created_contacts_and_companies_appear_in_the_lists()
    {
        var body = IvvyTestApi.ValidCompanyLead();
        body.Remove("companyId");
        body.Remove("companyLeadContactId");
        body["company"] = JObject.Parse("""{"businessName":"Fabrikam"}""");
        body["contact"] = JObject.Parse("""{"firstName":"Ben","lastName":"Miller","email":"ben@fabrikam.example"}""");
        Assert.Equal(200, _api.AddLead(body).Status);

        var fabrikam = _api.Post("contact", "getCompanyList", """{"filter":{"businessName":"Fabrikam"}}""").Results.Single();

        Assert.Equal("ben@fabrikam.example", (string?)fabrikam["contacts"]!.Single()["email"]);
        Assert.Equal(11, (int)_api.Post("contact", "getContactList").Meta["totalResults"]!);
    }
}
