using System.Text.RegularExpressions;
using LeadPS.Sandbox.Copper;
using LeadPS.Sandbox.Tests.Copper;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Loopback;

/// <summary>
/// Copper's lead API over a real loopback socket, driven with hand-built HTTP requests, checked
/// against api/copper.md and seed 000 (UPSERT a Lead).
/// </summary>
public sealed class CopperLoopbackConformanceTests
{
    private static SandboxOptions Unlimited() => new SandboxOptions { RequestsPerMinute = 0 };

    [Fact]
    public async Task Seed_upsert_request_answers_a_lead_shaped_like_the_seed_response()
    {
        var sandbox = new LeadSandbox(LeadPlatform.Copper, Unlimited());
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();
        var upsert = new Uri(sandbox.BaseAddressOf(server), "leads/upsert");

        var reply = (await RawHttp.SendAsync(client, RawHttp.Copper(HttpMethod.Put, upsert, CopperSeed.UpsertBody))).AssertStatus(200);

        var expected = JObject.Parse(CopperSeed.UpsertResponse);
        var actual = reply.Object;
        Assert.Equal(expected.Properties().Select(p => p.Name), actual.Properties().Select(p => p.Name));
        AssertSameShape(expected, actual, "$");
        Assert.Equal(CopperEmulator.FirstLeadId, (long)actual["id"]!);
        Assert.Equal("My Lead", (string?)actual["name"]);
        Assert.Equal("My", (string?)actual["first_name"]);
        Assert.Equal("Lead", (string?)actual["last_name"]);
        Assert.True(JToken.DeepEquals(expected["email"], actual["email"]), actual["email"]!.ToString());
        Assert.Equal("New", (string?)actual["status"]);
        Assert.Equal(208231L, (long)actual["status_id"]!);
        var listedDefinitions = ((JArray)actual["custom_fields"]!).Select(f => (long)f["custom_field_definition_id"]!).ToList();
        Assert.Subset(listedDefinitions.ToHashSet(), new HashSet<long> { 100764, 103481, 128735 });

        // The store agrees with what crossed the socket.
        var stored = Assert.Single(sandbox.Copper!.Leads);
        Assert.Equal(CopperEmulator.FirstLeadId, stored.Id);
        Assert.Equal("mylead@gmail.test", stored.Email);
        var record = Assert.Single(sandbox.Requests.Snapshot());
        Assert.Equal("PUT", record.Method);
        Assert.Equal("/developer_api/v1/leads/upsert", record.PathAndQuery);
        Assert.Equal(CopperSeed.UpsertBody, record.Body);
        Assert.Equal(200, record.StatusCode);
        Assert.True(record.ReachedPlatform);
    }

    [Fact]
    public async Task Create_then_upsert_on_the_same_email_updates_that_lead()
    {
        var sandbox = new LeadSandbox(LeadPlatform.Copper, Unlimited());
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();
        var root = sandbox.BaseAddressOf(server);

        var created = (await RawHttp.SendAsync(client, RawHttp.Copper(HttpMethod.Post, new Uri(root, "leads"), RawHttp.Json(new JObject
        {
            ["name"] = "Grace Hopper",
            ["email"] = new JObject { ["email"] = "grace@navy.test", ["category"] = "work" },
        })))).AssertStatus(200);
        var id = (long)created.Object["id"]!;

        var upserted = (await RawHttp.SendAsync(client, RawHttp.Copper(HttpMethod.Put, new Uri(root, "leads/upsert"), RawHttp.Json(new JObject
        {
            ["properties"] = new JObject { ["name"] = "Grace B. Hopper", ["title"] = "Rear Admiral" },
            ["match"] = new JObject { ["field_name"] = "email", ["field_value"] = "GRACE@navy.test" },
        })))).AssertStatus(200);

        Assert.Equal(id, (long)upserted.Object["id"]!);
        Assert.Equal("Grace B. Hopper", (string?)upserted.Object["name"]);
        Assert.Equal("Rear Admiral", (string?)upserted.Object["title"]);
        Assert.Equal("grace@navy.test", (string?)upserted.Object["email"]!["email"]);
        var stored = Assert.Single(sandbox.Copper!.Leads);
        Assert.Equal(id, stored.Id);
        Assert.Equal("Grace B. Hopper", stored.Name);

        var fetched = (await RawHttp.SendAsync(client, RawHttp.Copper(HttpMethod.Get, new Uri(root, "leads/" + id)))).AssertStatus(200);
        Assert.Equal("Rear Admiral", (string?)fetched.Object["title"]);
    }

    [Fact]
    public async Task Upsert_matching_two_leads_is_a_422_listing_both_ids()
    {
        var sandbox = new LeadSandbox(LeadPlatform.Copper, Unlimited());
        var first = sandbox.Copper!.SeedLead("Twin Lead");
        var second = sandbox.Copper.SeedLead("Twin Lead");
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();

        var reply = await RawHttp.SendAsync(client, RawHttp.Copper(HttpMethod.Put, new Uri(sandbox.BaseAddressOf(server), "leads/upsert"), RawHttp.Json(new JObject
        {
            ["properties"] = new JObject { ["title"] = "Should not be written" },
            ["match"] = new JObject { ["field_name"] = "name", ["field_value"] = "twin lead" },
        })));

        var message = AssertCopperError(reply, 422);
        var ids = Regex.Matches(message.Substring(message.IndexOf(':') + 1), @"\d+").Select(m => long.Parse(m.Value)).ToList();
        Assert.Equal(new[] { first, second }, ids);
        Assert.Equal(2, sandbox.Copper.LeadCount);
        Assert.All(sandbox.Copper.Leads, l => Assert.DoesNotContain("Should not be written", l.Json));
    }

    [Fact]
    public async Task Upsert_matching_thirty_one_leads_is_a_422_without_ids()
    {
        var sandbox = new LeadSandbox(LeadPlatform.Copper, Unlimited());
        var seeded = Enumerable.Range(0, 31).Select(_ => sandbox.Copper!.SeedLead("Crowd Lead")).ToList();
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();

        var reply = await RawHttp.SendAsync(client, RawHttp.Copper(HttpMethod.Put, new Uri(sandbox.BaseAddressOf(server), "leads/upsert"), RawHttp.Json(new JObject
        {
            ["properties"] = new JObject { ["name"] = "Crowd Lead" },
            ["match"] = new JObject { ["field_name"] = "name", ["field_value"] = "Crowd Lead" },
        })));

        var message = AssertCopperError(reply, 422);
        Assert.Contains("More than 30", message);
        Assert.All(seeded, id => Assert.DoesNotContain(id.ToString(System.Globalization.CultureInfo.InvariantCulture), reply.Text));
        Assert.Equal(31, sandbox.Copper!.LeadCount);
    }

    [Fact]
    public async Task Search_pages_with_the_total_in_the_X_PW_TOTAL_header()
    {
        var sandbox = new LeadSandbox(LeadPlatform.Copper, Unlimited());
        var expected = Enumerable.Range(1, 45).Select(i => sandbox.Copper!.SeedLead($"Paging Lead {i:D2}")).ToList();
        sandbox.Copper!.SeedLead("Someone Else");
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();
        var search = new Uri(sandbox.BaseAddressOf(server), "leads/search");

        var seen = new List<long>();
        var sizes = new List<int>();
        for (var page = 1; page <= 4; page++)
        {
            var reply = (await RawHttp.SendAsync(client, RawHttp.Copper(HttpMethod.Post, search, RawHttp.Json(new JObject
            {
                ["name"] = "paging lead",
                ["page_size"] = 20,
                ["page_number"] = page,
            })))).AssertStatus(200);

            Assert.Equal("45", reply.Header("X-PW-TOTAL"));
            var array = Assert.IsType<JArray>(reply.Json);
            sizes.Add(array.Count);
            seen.AddRange(array.Select(l => (long)l["id"]!));
        }

        Assert.Equal(new[] { 20, 20, 5, 0 }, sizes);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Wrong_token_is_a_401_and_the_configured_pair_is_accepted()
    {
        const string secret = "configured-SECRET-token-77";
        var sandbox = new LeadSandbox(LeadPlatform.Copper, new SandboxOptions
        {
            RequestsPerMinute = 0,
            CopperUserEmail = "owner@example.test",
            CopperApiToken = secret,
        });
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();
        var account = new Uri(sandbox.BaseAddressOf(server), "account");

        var wrongToken = await RawHttp.SendAsync(client, RawHttp.Copper(HttpMethod.Get, account, token: "not-the-token", email: "owner@example.test"));
        var wrongEmail = await RawHttp.SendAsync(client, RawHttp.Copper(HttpMethod.Get, account, token: secret, email: "intruder@example.test"));
        var right = await RawHttp.SendAsync(client, RawHttp.Copper(HttpMethod.Get, account, token: secret, email: "OWNER@example.test"));

        AssertCopperError(wrongToken, 401);
        Assert.DoesNotContain("not-the-token", wrongToken.Text);
        AssertCopperError(wrongEmail, 401);
        Assert.DoesNotContain(secret, wrongEmail.Text);
        right.AssertStatus(200);
        Assert.Equal(181204L, (long)right.Object["id"]!);
    }

    [Fact]
    public async Task Requests_beyond_the_per_minute_budget_are_429()
    {
        var sandbox = new LeadSandbox(LeadPlatform.Copper, new SandboxOptions { RequestsPerMinute = 3 });
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();
        var account = new Uri(sandbox.BaseAddressOf(server), "account");

        var statuses = new List<int>();
        RawReply? refused = null;
        for (var i = 0; i < 5; i++)
        {
            var reply = await RawHttp.SendAsync(client, RawHttp.Copper(HttpMethod.Get, account));
            statuses.Add(reply.Status);
            if (reply.Status == 429)
            {
                refused = reply;
            }
        }

        Assert.Equal(new[] { 200, 200, 200, 429, 429 }, statuses);
        AssertCopperError(refused!, 429);
        Assert.Null(refused!.Header("Retry-After"));

        // The budget is per user: another e-mail still has its own.
        var other = await RawHttp.SendAsync(client, RawHttp.Copper(HttpMethod.Get, account, email: "second.user@example.test"));
        other.AssertStatus(200);
    }

    [Fact]
    public async Task Delete_removes_the_lead_and_a_second_delete_is_404()
    {
        var sandbox = new LeadSandbox(LeadPlatform.Copper, Unlimited());
        var id = sandbox.Copper!.SeedLead("Short Lived", "short@example.test");
        var keep = sandbox.Copper.SeedLead("Keeper");
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();
        var lead = new Uri(sandbox.BaseAddressOf(server), "leads/" + id);

        var deleted = (await RawHttp.SendAsync(client, RawHttp.Copper(HttpMethod.Delete, lead))).AssertStatus(200);
        Assert.True(JToken.DeepEquals(new JObject { ["id"] = id, ["is_deleted"] = true }, deleted.Json), deleted.Text);
        Assert.Null(sandbox.Copper.GetLead(id));
        Assert.Equal(keep, Assert.Single(sandbox.Copper.Leads).Id);

        AssertCopperError(await RawHttp.SendAsync(client, RawHttp.Copper(HttpMethod.Get, lead)), 404);
        AssertCopperError(await RawHttp.SendAsync(client, RawHttp.Copper(HttpMethod.Delete, lead)), 404);
    }

    /// <summary>
    /// Where the seed has a value, the answer has the same JSON type (recursively); where the seed
    /// has null the field is optional, so any type is fine.
    /// </summary>
    private static void AssertSameShape(JToken expected, JToken actual, string path)
    {
        if (expected.Type == JTokenType.Null)
        {
            return;
        }

        Assert.True(expected.Type == actual.Type, $"{path}: the seed has {expected.Type}, the answer {actual.Type}");
        if (expected is JObject expectedObject)
        {
            var actualObject = (JObject)actual;
            foreach (var property in expectedObject.Properties())
            {
                Assert.True(actualObject.TryGetValue(property.Name, out var value), $"{path}.{property.Name} is missing");
                AssertSameShape(property.Value, value!, path + "." + property.Name);
            }
        }
        else if (expected is JArray expectedArray && expectedArray.Count > 0)
        {
            foreach (var item in (JArray)actual)
            {
                AssertSameShape(expectedArray[0], item, path + "[]");
            }
        }
    }

    private static string AssertCopperError(RawReply reply, int status)
    {
        reply.AssertStatus(status);
        var body = reply.Object;
        Assert.False((bool)body["success"]!);
        Assert.Equal(status, (int)body["status"]!);
        Assert.Equal(JTokenType.String, body["message"]!.Type);
        return (string)body["message"]!;
    }
}
