using LeadPS.Sandbox.Hosting;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Loopback;

/// <summary>
/// Copper's public documentation beyond the seed (api/copper.md, "Beyond the seed"): the lead
/// search filters and sort fields real clients send, over a real loopback socket. Each test is
/// named after the documentation point it checks.
/// </summary>
public sealed class CopperDocumentedBehaviourTests : IDisposable
{
    private readonly LeadSandbox _sandbox = new(LeadPlatform.Copper, new SandboxOptions { RequestsPerMinute = 0 });
    private readonly SandboxLoopbackServer _server;
    private readonly HttpClient _client = new();

    public CopperDocumentedBehaviourTests()
    {
        _server = _sandbox.StartLoopback();
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Lead_search__filters_by_tags_assignee_ids_city_state_postal_code_and_country()
    {
        var (delta, alpha, charlie, bravo) = SeedFour();

        Assert.Equal(new[] { delta, alpha }, await IdsAsync(new JObject { ["tags"] = new JArray("VIP") }));
        Assert.Equal(new[] { charlie }, await IdsAsync(new JObject { ["tags"] = new JArray() }));
        Assert.Equal(new[] { alpha, charlie }, await IdsAsync(new JObject { ["assignee_ids"] = new JArray(137659, -2) }));
        Assert.Equal(new[] { alpha }, await IdsAsync(new JObject { ["city"] = "boston" }));
        Assert.Equal(new[] { bravo }, await IdsAsync(new JObject { ["city"] = string.Empty }));
        Assert.Equal(new[] { charlie }, await IdsAsync(new JObject { ["state"] = "nsw" }));
        Assert.Equal(new[] { delta }, await IdsAsync(new JObject { ["postal_code"] = "73301" }));
        Assert.Equal(new[] { delta, alpha }, await IdsAsync(new JObject { ["country"] = "US" }));
        Assert.Equal(new[] { alpha }, await IdsAsync(new JObject { ["country"] = "US", ["tags"] = new JArray("expo") }));
        Assert.Equal(new[] { delta, alpha }, await IdsAsync(new JObject { ["minimum_monetary_value"] = 50 }));
    }

    [Fact]
    public async Task Lead_search__interaction_count_and_interaction_date_ranges_see_leads_without_interactions()
    {
        // The Sandbox logs no activities: every lead has interaction_count 0 and no last interaction.
        var (delta, alpha, charlie, bravo) = SeedFour();
        var all = new[] { delta, alpha, charlie, bravo };

        Assert.Equal(all, await IdsAsync(new JObject { ["minimum_interaction_count"] = 0, ["maximum_interaction_count"] = 0 }));
        Assert.Empty(await IdsAsync(new JObject { ["minimum_interaction_count"] = 1 }));
        Assert.Empty(await IdsAsync(new JObject { ["minimum_interaction_date"] = 0 }));
        Assert.Empty(await IdsAsync(new JObject { ["maximum_interaction_date"] = 4102444800 }));
    }

    [Fact]
    public async Task Lead_search__age_and_created_and_modified_date_ranges()
    {
        var older = _sandbox.Copper!.SeedLead("Older lead");
        await WaitUntilAsync(Lead(older).DateCreated + 3);
        var newer = _sandbox.Copper.SeedLead("Newer lead");
        await WaitUntilAsync(Lead(newer).DateCreated + 3);
        (await SendAsync(HttpMethod.Put, "leads/" + older, new JObject { ["title"] = "Touched" })).AssertStatus(200);
        var (o, n) = (Lead(older), Lead(newer));
        Assert.True(o.DateModified > n.DateModified);

        Assert.Equal(new[] { newer }, await IdsAsync(new JObject { ["minimum_created_date"] = n.DateCreated }));
        Assert.Equal(new[] { older }, await IdsAsync(new JObject { ["maximum_created_date"] = o.DateCreated }));
        Assert.Equal(new[] { older }, await IdsAsync(new JObject { ["minimum_modified_date"] = o.DateModified }));
        Assert.Equal(new[] { newer }, await IdsAsync(new JObject { ["maximum_modified_date"] = n.DateModified }));

        // age: the maximum age in seconds; 2 s of slack for the request to reach the server.
        var age = _sandbox.Clock.RecordTime.ToUnixTimeSeconds() - n.DateCreated + 2;
        Assert.Equal(new[] { newer }, await IdsAsync(new JObject { ["age"] = age }));

        // inactive_days: no interactions, so the time since creation; ascending means newest first.
        Assert.Equal(new[] { newer, older }, await IdsAsync(new JObject { ["sort_by"] = "inactive_days" }));
        Assert.Equal(new[] { older, newer }, await IdsAsync(new JObject { ["sort_by"] = "inactive_days", ["sort_direction"] = "desc" }));
        Assert.Equal(new[] { newer, older }, await IdsAsync(new JObject { ["sort_by"] = "date_modified" }));
    }

    [Theory]
    [InlineData("name", "alpha,bravo,charlie,delta")]
    [InlineData("assignee", "alpha,delta,bravo,charlie")]
    [InlineData("company_name", "alpha,bravo,delta,charlie")]
    [InlineData("customer_source", "alpha,bravo,delta,charlie")]
    [InlineData("monetary_value", "bravo,delta,alpha,charlie")]
    [InlineData("status", "charlie,alpha,bravo,delta")]
    [InlineData("title", "bravo,alpha,delta,charlie")]
    [InlineData("city", "delta,alpha,charlie,bravo")]
    [InlineData("state", "alpha,charlie,delta,bravo")]
    [InlineData("interaction_count", "delta,alpha,charlie,bravo")]
    [InlineData("last_interaction", "delta,alpha,charlie,bravo")]
    [InlineData("date_created", "delta,alpha,charlie,bravo")]
    public async Task Lead_search__sort_by_each_documented_field(string field, string ascending)
    {
        var (delta, alpha, charlie, bravo) = SeedFour();
        var byName = new Dictionary<string, long> { ["alpha"] = alpha, ["bravo"] = bravo, ["charlie"] = charlie, ["delta"] = delta };
        var expected = ascending.Split(',').Select(name => byName[name]).ToList();

        var up = await IdsAsync(new JObject { ["sort_by"] = field, ["sort_direction"] = "asc" });
        var down = await IdsAsync(new JObject { ["sort_by"] = field, ["sort_direction"] = "desc" });

        Assert.Equal(expected, up);

        // Descending reverses the leads that have a value; leads without one stay last either way.
        var withValue = field switch
        {
            "assignee" or "company_name" or "customer_source" or "monetary_value" or "title" => 3,
            "city" or "state" => 3,
            _ => 4,
        };
        Assert.Equal(expected.Take(withValue).Reverse().Concat(expected.Skip(withValue)), down);
    }

    [Fact]
    public async Task Lead_search__a_field_the_platform_does_not_know_is_answered_like_an_unknown_lead_attribute()
    {
        SeedFour();

        var reply = await SendAsync(HttpMethod.Post, "leads/search", new JObject { ["followed"] = 1, ["favourite_colour"] = "red" });

        reply.AssertStatus(422);
        var body = reply.Object;
        Assert.Equal(new[] { "success", "status", "message" }, body.Properties().Select(p => p.Name));
        Assert.False((bool)body["success"]!);
        Assert.Equal(
            "Invalid input: Validation errors: followed: is not a lead search field; favourite_colour: is not a lead search field",
            (string)body["message"]!);
        Assert.DoesNotContain("Sandbox", reply.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Clients_in_the_wild__page_size_in_the_query_string_and_an_empty_object_body_on_GET_are_tolerated()
    {
        var (delta, _, _, _) = SeedFour();

        var search = await RawHttp.SendAsync(_client, RawHttp.Copper(HttpMethod.Post, new Uri(_sandbox.BaseAddressOf(_server), "leads/search?page_size=2"), "{}"));
        var account = await RawHttp.SendAsync(_client, RawHttp.Copper(HttpMethod.Get, new Uri(_sandbox.BaseAddressOf(_server), "account"), "{}"));
        var lead = await RawHttp.SendAsync(_client, RawHttp.Copper(HttpMethod.Get, new Uri(_sandbox.BaseAddressOf(_server), "leads/" + delta), "{}"));

        search.AssertStatus(200);
        Assert.Equal("4", search.Header("X-PW-TOTAL"));
        account.AssertStatus(200);
        Assert.Equal(delta, (long)lead.AssertStatus(200).Object["id"]!);
    }

    /// <summary>Four leads that differ on every sortable field; names say their alphabetical place.</summary>
    private (long Delta, long Alpha, long Charlie, long Bravo) SeedFour()
    {
        var copper = _sandbox.Copper!;
        var delta = copper.SeedLeadFromJson("""
            {"name":"Delta Dawn","assignee_id":137660,"company_name":"Zeta Corp","customer_source_id":331244,"monetary_value":50,
             "status_id":208234,"title":"VP","tags":["vip"],
             "address":{"city":"Austin","state":"TX","postal_code":"73301","country":"US"}}
            """);
        var alpha = copper.SeedLeadFromJson("""
            {"name":"alpha Ann","assignee_id":137659,"company_name":"acme","customer_source_id":331240,"monetary_value":500,
             "status_id":208232,"title":"ceo","tags":["expo","VIP"],
             "address":{"city":"Boston","state":"MA","postal_code":"02101","country":"US"}}
            """);
        var charlie = copper.SeedLeadFromJson("""
            {"name":"Charlie Chan","status_id":208231,"address":{"city":"Sydney","state":"NSW","postal_code":"2000","country":"AU"}}
            """);
        var bravo = copper.SeedLeadFromJson("""
            {"name":"bravo Bo","assignee_id":137658,"company_name":"Beta","customer_source_id":331242,"monetary_value":5,
             "status_id":208233,"title":"Analyst","tags":["expo"]}
            """);
        return (delta, alpha, charlie, bravo);
    }

    private LeadPS.Sandbox.Copper.CopperLeadRecord Lead(long id) => _sandbox.Copper!.GetLead(id)!;

    private async Task WaitUntilAsync(long unixSeconds)
    {
        while (_sandbox.Clock.RecordTime.ToUnixTimeSeconds() < unixSeconds)
        {
            await Task.Delay(100);
        }
    }

    private Task<RawReply> SendAsync(HttpMethod method, string path, JObject body) =>
        RawHttp.SendAsync(_client, RawHttp.Copper(method, new Uri(_sandbox.BaseAddressOf(_server), path), RawHttp.Json(body)));

    private async Task<List<long>> IdsAsync(JObject search)
    {
        var reply = (await SendAsync(HttpMethod.Post, "leads/search", search)).AssertStatus(200);
        var ids = ((JArray)reply.Json).Select(lead => (long)lead["id"]!).ToList();
        Assert.Equal(ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), reply.Header("X-PW-TOTAL"));
        return ids;
    }
}
