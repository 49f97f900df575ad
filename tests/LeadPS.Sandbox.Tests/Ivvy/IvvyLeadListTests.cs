using LeadPS.Sandbox.Ivvy;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Ivvy;

public class IvvyLeadListTests
{
    private readonly IvvyTestApi _api = new();

    [Fact]
    public void An_empty_account_lists_no_leads()
    {
        var reply = _api.LeadList();

        Assert.Equal(200, reply.Status);
        Assert.Equal(0, (int)reply.Meta["totalResults"]!);
        Assert.Equal(0, (int)reply.Meta["count"]!);
        Assert.Equal(100, (int)reply.Meta["perPage"]!);
        Assert.Empty(reply.Results);
    }

    [Theory]
    [InlineData(0, 10, 10)]
    [InlineData(10, 10, 10)]
    [InlineData(30, 10, 1)]
    [InlineData(31, 10, 0)]
    [InlineData(500, 10, 0)]
    [InlineData(25, 100, 6)]
    public void Pages_by_a_zero_based_record_offset(int start, int perPage, int expectedCount)
    {
        var ids = Enumerable.Range(0, 31).Select(_ => _api.Emulator.SeedLead("Same name", IvvySeedIds.ContactJackTaylor)).ToList();

        var reply = _api.LeadList("{\"perPage\":" + perPage + ",\"start\":" + start + "}");

        Assert.Equal(31, (int)reply.Meta["totalResults"]!);
        Assert.Equal(start, (int)reply.Meta["start"]!);
        Assert.Equal(perPage, (int)reply.Meta["perPage"]!);
        Assert.Equal(expectedCount, (int)reply.Meta["count"]!);
        Assert.Equal(ids.Skip(start).Take(perPage), reply.Results.Select(r => (long)r["id"]!));
    }

    [Fact]
    public void Walking_every_page_returns_every_lead_once()
    {
        var ids = Enumerable.Range(0, 31).Select(i => _api.Emulator.SeedLead("Lead " + i, IvvySeedIds.ContactJackTaylor)).ToList();
        var seen = new List<long>();

        for (var start = 0; ; start += 7)
        {
            var page = _api.LeadList("{\"perPage\":7,\"start\":" + start + "}");
            seen.AddRange(page.Results.Select(r => (long)r["id"]!));
            if (start + (int)page.Meta["count"]! >= (int)page.Meta["totalResults"]!)
            {
                break;
            }
        }

        Assert.Equal(ids, seen);
    }

    [Theory]
    [InlineData("""{"perPage":0}""", "perPage")]
    [InlineData("""{"perPage":"10"}""", "perPage")]
    [InlineData("""{"start":-1}""", "start")]
    [InlineData("""{"start":1.5}""", "start")]
    [InlineData("""{"filter":"name=x"}""", "filter")]
    [InlineData("""{"filter":{"colour":"red"}}""", "filter")]
    [InlineData("""{"filter":{"name__SOUNDSLIKE":"x"}}""", "filter")]
    [InlineData("""{"filter":{"Name":"x"}}""", "filter")]
    [InlineData("""{"filter":{"name":{"a":1}}}""", "filter")]
    [InlineData("""{"filter":{"name__EMPTY":"yes"}}""", "filter")]
    public void Bad_paging_or_filters_are_23016(string body, string parameter)
    {
        var reply = _api.LeadList(body);

        Assert.Equal(400, reply.Status);
        Assert.Equal(23016, reply.SpecificCode);
        Assert.Equal("'" + parameter + "' does not validate", reply.Message);
        Assert.Single(reply.AdditionalMessages);
    }

    [Fact]
    public void Finds_the_two_leads_with_the_same_name()
    {
        var first = _api.Emulator.SeedLead("Acme offsite", IvvySeedIds.ContactJackTaylor);
        _api.Emulator.SeedLead("Acme offsite 2027", IvvySeedIds.ContactJackTaylor);
        var second = _api.Emulator.SeedLead("ACME OFFSITE", IvvySeedIds.ContactZoeMartin);

        var reply = _api.LeadList("""{"filter":{"name":"acme offsite"}}""");

        Assert.Equal(new[] { first, second }, reply.Results.Select(r => (long)r["id"]!));
        Assert.Equal(2, (int)reply.Meta["totalResults"]!);
    }

    [Theory]
    [InlineData("""{"name__CONTAINS":"CONF"}""", new[] { 0, 1 })]
    [InlineData("""{"name__NOTCONTAINS":"conf"}""", new[] { 2, 3 })]
    [InlineData("""{"name__BEGINS":"spring"}""", new[] { 0 })]
    [InlineData("""{"name__ENDS":"PARTY"}""", new[] { 2 })]
    [InlineData("""{"name__NOT":"Spring conference"}""", new[] { 1, 2, 3 })]
    [InlineData("""{"description__EMPTY":true}""", new[] { 1, 3 })]
    [InlineData("""{"description__EMPTY":false}""", new[] { 0, 2 })]
    [InlineData("""{"description":"__ISNULL__"}""", new[] { 1, 3 })]
    [InlineData("""{"description__CONTAINS":"people"}""", new[] { 0 })]
    [InlineData("""{"contactId":209}""", new[] { 1 })]
    [InlineData("""{"contactId":"209"}""", new[] { 1 })]
    [InlineData("""{"contactId__NOT":208}""", new[] { 1, 3 })]
    [InlineData("""{"contactEmail":"ZOE.MARTIN@mail.example"}""", new[] { 1 })]
    [InlineData("""{"contactEmail__ENDS":"@harbourside.example"}""", new[] { 3 })]
    [InlineData("""{"companyId":101}""", new[] { 3 })]
    [InlineData("""{"companyId__EMPTY":true}""", new[] { 0, 1, 2 })]
    [InlineData("""{"companyName__BEGINS":"harbour"}""", new[] { 3 })]
    [InlineData("""{"stageId":53}""", new[] { 1 })]
    [InlineData("""{"typeId":44}""", new[] { 2, 3 })]
    [InlineData("""{"sourceId":35}""", new[] { 2 })]
    [InlineData("""{"id__GREATERTHAN":1002}""", new[] { 1, 2, 3 })]
    [InlineData("""{"id__LESSTHAN":1002}""", new[] { 0, 1 })]
    [InlineData("""{"typeId":44,"name__CONTAINS":"gala"}""", new[] { 3 })]
    public void Filters_with_every_suffix(string filter, int[] expectedIndexes)
    {
        var ids = SeedFilterFixture();

        var reply = _api.LeadList("{\"filter\":" + filter + "}");

        Assert.Equal(expectedIndexes.Select(i => ids[i]), reply.Results.Select(r => (long)r["id"]!));
    }

    [Fact]
    public void Filters_by_id_and_by_created_date_text()
    {
        var ids = SeedFilterFixture();

        var byId = _api.LeadList("{\"filter\":{\"id\":" + ids[2] + "}}");
        var byDate = _api.LeadList("""{"filter":{"createdDate__BEGINS":"20"}}""");

        Assert.Equal(ids[2], (long)byId.Results.Single()["id"]!);
        Assert.Equal(4, byDate.Results.Count);
    }

    [Fact]
    public void Paging_meta_counts_the_filtered_results()
    {
        for (var i = 0; i < 12; i++)
        {
            _api.Emulator.SeedLead(i % 2 == 0 ? "Even " + i : "Odd " + i, IvvySeedIds.ContactJackTaylor);
        }

        var reply = _api.LeadList("""{"perPage":4,"start":4,"filter":{"name__BEGINS":"even"}}""");

        Assert.Equal(6, (int)reply.Meta["totalResults"]!);
        Assert.Equal(2, (int)reply.Meta["count"]!);
        Assert.Equal(new[] { "Even 8", "Even 10" }, reply.Results.Select(r => (string)r["name"]!));
    }

    [Fact]
    public void A_result_carries_the_lead_and_its_contact_company_and_names()
    {
        var body = IvvyTestApi.ValidCompanyLead("Gala dinner");
        body["contactId"] = IvvySeedIds.ContactLiamPatel;
        body["description"] = "Black tie";
        body["qualityId"] = IvvySeedIds.QualityAGrade;
        body["industryId"] = IvvySeedIds.IndustryHospitality;
        body["typeId"] = IvvySeedIds.TypeWedding;
        body["subtypeId"] = IvvySeedIds.SubtypeReception;
        body["stageId"] = IvvySeedIds.StageWon;
        body["stageReasonId"] = IvvySeedIds.ReasonVenueFit;
        body["channelId"] = IvvySeedIds.ChannelDirect;
        body["ownerUserId"] = IvvySeedIds.OwnerSamSales;
        body["customFields"] = JArray.Parse("""[{"fieldId":81,"fieldValue":200}]""");
        var id = _api.AddLead(body).Id;

        var lead = (JObject)_api.LeadList().Results.Single();

        Assert.Equal(id, (long)lead["id"]!);
        Assert.Equal("Gala dinner", (string?)lead["name"]);
        Assert.Equal("Black tie", (string?)lead["description"]);
        Assert.Equal(IvvySeedIds.ContactLiamPatel, (long)lead["contactId"]!);
        Assert.Equal(IvvySeedIds.ContactOliviaChen, (long)lead["contact"]!["id"]!);
        Assert.Equal("Olivia", (string?)lead["contact"]!["firstName"]);
        Assert.Equal("Chen", (string?)lead["contact"]!["lastName"]);
        Assert.Equal("olivia.chen@harbourside.example", (string?)lead["contact"]!["email"]);
        Assert.Equal(IvvySeedIds.CompanyHarbourside, (long)lead["companyId"]!);
        Assert.Equal("Harbourside Events Pty Ltd", (string?)lead["company"]!["businessName"]);
        Assert.Equal("Harbourside Events Pty Ltd", (string?)lead["company"]!["name"]);
        Assert.Equal(IvvySeedIds.ContactOliviaChen, (long)lead["companyLeadContactId"]!);
        Assert.Equal(IvvySeedIds.QualityAGrade, (long)lead["qualityId"]!);
        Assert.Equal("A-Grade", (string?)lead["quality"]);
        Assert.Equal(IvvySeedIds.IndustryHospitality, (long)lead["industryId"]!);
        Assert.Equal(IvvySeedIds.StageWon, (long)lead["stageId"]!);
        Assert.Equal("Won", (string?)lead["stageName"]);
        Assert.Equal(IvvySeedIds.ReasonVenueFit, (long)lead["stageReasonId"]!);
        Assert.Equal("Venue fit", (string?)lead["stageReasonName"]);
        Assert.Equal(IvvySeedIds.TypeWedding, (long)lead["typeId"]!);
        Assert.Equal("Wedding", (string?)lead["type"]);
        Assert.Equal(IvvySeedIds.SubtypeReception, (long)lead["subtypeId"]!);
        Assert.Equal(IvvySeedIds.SourceReferral, (long)lead["sourceId"]!);
        Assert.Equal("Referral", (string?)lead["sourceName"]);
        Assert.Equal(IvvySeedIds.ChannelDirect, (long)lead["channelId"]!);
        Assert.Equal("Direct", (string?)lead["channelName"]);
        Assert.Equal(IvvySeedIds.OwnerSamSales, (long)lead["ownerUserId"]!);
        Assert.Equal("Sam", (string?)lead["ownerUser"]!["firstName"]);
        Assert.Equal(200, (int)lead["customFields"]![0]!["fieldValue"]!);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$", (string?)lead["createdDate"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$", (string?)lead["modifiedDate"]);
    }

    [Fact]
    public void A_contact_leads_empty_values_are_null()
    {
        _api.Emulator.SeedLead("Bare", IvvySeedIds.ContactZoeMartin);

        var lead = (JObject)_api.LeadList().Results.Single();

        Assert.Equal(JTokenType.Null, lead["company"]!.Type);
        Assert.Equal(JTokenType.Null, lead["companyId"]!.Type);
        Assert.Equal(JTokenType.Null, lead["description"]!.Type);
        Assert.Equal(JTokenType.Null, lead["ownerUser"]!.Type);
        Assert.Empty((JArray)lead["customFields"]!);
        Assert.Equal("zoe.martin@mail.example", (string?)lead["contact"]!["email"]);
    }

    [Fact]
    public void Record_dates_come_from_the_offset_clock()
    {
        var api = new IvvyTestApi(offset: TimeSpan.FromDays(-400));
        api.Emulator.SeedLead("Last year", IvvySeedIds.ContactZoeMartin);

        var serverDate = LeadPS.Ivvy.IvvySignature.FormatDate(IvvyTestApi.Now.AddDays(-400));
        var reply = api.Send(IvvyTestApi.Signed("/api/1.0/crm?action=getLeadList", "", serverDate));
        var created = (string)reply.Results.Single()["createdDate"]!;

        // The record clock starts at the frozen wall clock minus 400 days (elapsed time only adds seconds).
        Assert.StartsWith(IvvyTestApi.Now.AddDays(-400).ToString("yyyy-MM-dd"), created);
    }

    /// <summary>Four leads: [0] contact lead with description, [1] contact lead in stage 53, [2] social event from a cold call, [3] company gala.</summary>
    private List<long> SeedFilterFixture() => new()
    {
        _api.Emulator.SeedLead("Spring conference", IvvySeedIds.ContactJackTaylor, description: "About 80 people"),
        _api.Emulator.SeedLead("Autumn Conference", IvvySeedIds.ContactZoeMartin, stageId: IvvySeedIds.StageInterested),
        _api.Emulator.SeedLead("Birthday party", IvvySeedIds.ContactJackTaylor, description: "Surprise", sourceId: IvvySeedIds.SourceColdCall, typeId: IvvySeedIds.TypeSocialEvent),
        _api.Emulator.SeedCompanyLead("Harbourside gala", IvvySeedIds.CompanyHarbourside, IvvySeedIds.ContactLiamPatel, typeId: IvvySeedIds.TypeSocialEvent),
    };
}
