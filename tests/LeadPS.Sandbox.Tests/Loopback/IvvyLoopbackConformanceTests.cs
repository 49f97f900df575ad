using System.Globalization;
using System.Text;
using LeadPS.Ivvy;
using LeadPS.Sandbox.Hosting;
using LeadPS.Sandbox.Ivvy;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Loopback;

/// <summary>
/// iVvy's API over a real loopback socket: requests built and signed by hand over the exact bytes
/// sent, checked against api/ivvy.md, seeds 001/002 and docs/sandbox-ivvy.md.
/// </summary>
public sealed class IvvyLoopbackConformanceTests
{
    private const string PingPath = "/api/1.0/test?action=ping";
    private const string AddLeadPath = "/api/1.0/contact?action=addOrUpdateLead";
    private const string LeadListPath = "/api/1.0/crm?action=getLeadList";
    private const string Key = "LOOPKEY1";
    private const string Secret = "loopback secret";

    private static LeadSandbox NewSandbox(TimeSpan clockOffset = default) =>
        new LeadSandbox(LeadPlatform.Ivvy, new SandboxOptions { IvvyApiKey = Key, IvvyApiSecret = Secret, ClockOffset = clockOffset });

    private static string Now => IvvySignature.FormatDate(DateTimeOffset.UtcNow);

    private static Task<RawReply> PostAsync(HttpClient client, SandboxLoopbackServer server, string path, string body) =>
        RawHttp.SendAsync(client, RawHttp.Ivvy(server.BaseAddress, path, Encoding.UTF8.GetBytes(body), Now, Key, Secret));

    [Fact]
    public async Task Ivvys_own_signing_example_is_accepted_over_the_socket()
    {
        // Vector 1 of ivvy.md; the server's clock is moved to the example's date.
        var exampleDate = new DateTimeOffset(2012, 4, 3, 22, 23, 24, TimeSpan.Zero);
        var sandbox = new LeadSandbox(LeadPlatform.Ivvy, new SandboxOptions
        {
            IvvyApiSecret = "my secret key",
            ClockOffset = exampleDate - DateTimeOffset.UtcNow,
        });
        var body = Encoding.UTF8.GetBytes("{\"example\":\"body\"}");
        Assert.Equal(18, body.Length);
        var md5 = IvvySignature.ContentMd5(body);
        Assert.Equal("a09f600c77a6dbd947db24c61e8935ca", md5);
        var stringToSign = IvvySignature.BuildStringToSign("POST", md5, "application/json", PingPath, new[] { KeyValuePair.Create("IVVY-Date", "2012-04-03 22:23:24") });
        var signature = IvvySignature.Sign(stringToSign, Encoding.UTF8.GetBytes("my secret key"));
        Assert.Equal("74af7ec6fec55dc88543e05096c69cebaf391eb9", signature);
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();

        var reply = await RawHttp.SendAsync(client, RawHttp.IvvyWithSignature(server.BaseAddress, PingPath, body, md5, "2012-04-03 22:23:24", "EXAMPLEKEY", signature));

        reply.AssertStatus(200);
        var serverTime = DateTime.ParseExact((string)reply.Object["ack"]!, "yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        Assert.True(Math.Abs((serverTime - exampleDate.UtcDateTime).TotalMinutes) < 5, "server time " + serverTime);
        var record = Assert.Single(sandbox.Requests.Snapshot());
        Assert.Equal(PingPath, record.PathAndQuery);
        Assert.Equal("{\"example\":\"body\"}", record.Body);
        Assert.Equal("2012-04-03 22:23:24", record.Headers["IVVY-Date"]);
    }

    [Fact]
    public async Task Empty_body_example_with_charset_and_utc_suffix_is_accepted_over_the_socket()
    {
        // Vector 3 of ivvy.md.
        var exampleDate = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var sandbox = new LeadSandbox(LeadPlatform.Ivvy, new SandboxOptions
        {
            IvvyApiKey = "TESTKEY1",
            IvvyApiSecret = "testsecret1",
            ClockOffset = exampleDate - DateTimeOffset.UtcNow,
        });
        const string contentType = "application/json; charset=utf-8";
        const string date = "2024-01-02 03:04:05 UTC";
        var md5 = IvvySignature.ContentMd5(Array.Empty<byte>());
        Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", md5);
        var stringToSign = IvvySignature.BuildStringToSign("POST", md5, contentType, PingPath, new[] { KeyValuePair.Create("IVVY-Date", date) });
        Assert.Equal("postd41d8cd98f00b204e9800998ecf8427eapplication/json; charset=utf-8/api/1.0/test?action=ping1.0ivvydate=2024-01-02 03:04:05 utc", stringToSign);
        var signature = IvvySignature.Sign(stringToSign, Encoding.UTF8.GetBytes("testsecret1"));
        Assert.Equal("f5fa54c0ecb2284175481ce9a06f24c9166dd0e3", signature);
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();

        var reply = await RawHttp.SendAsync(client, RawHttp.IvvyWithSignature(server.BaseAddress, PingPath, Array.Empty<byte>(), md5, date, "TESTKEY1", signature, contentType));

        reply.AssertStatus(200);
        Assert.Equal(JTokenType.String, reply.Object["ack"]!.Type);
        var record = Assert.Single(sandbox.Requests.Snapshot());
        Assert.Equal(contentType, record.Headers["Content-Type"]);
        Assert.Equal(string.Empty, record.Body);
    }

    [Fact]
    public async Task A_tampered_body_is_401()
    {
        var sandbox = NewSandbox();
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();
        var signedBody = Encoding.UTF8.GetBytes(RawHttp.Json(IvvyLoopback.ContactLead("Signed name")));
        var sentBody = Encoding.UTF8.GetBytes(RawHttp.Json(IvvyLoopback.ContactLead("Tampered name")));

        var reply = await RawHttp.SendAsync(client, RawHttp.Ivvy(server.BaseAddress, AddLeadPath, signedBody, Now, Key, Secret, sentBody: sentBody));

        var error = IvvyLoopback.AssertError(reply, 401, specificCode: null);
        Assert.Contains("Content-MD5", error);
        Assert.Empty(sandbox.Ivvy!.Leads);
        Assert.Equal(401, Assert.Single(sandbox.Requests.Snapshot()).StatusCode);
    }

    [Fact]
    public async Task A_body_tampered_with_a_recomputed_md5_fails_the_signature()
    {
        var sandbox = NewSandbox();
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();
        var signedBody = Encoding.UTF8.GetBytes(RawHttp.Json(IvvyLoopback.ContactLead("Signed name")));
        var sentBody = Encoding.UTF8.GetBytes(RawHttp.Json(IvvyLoopback.ContactLead("Tampered name")));
        var request = RawHttp.Ivvy(server.BaseAddress, AddLeadPath, signedBody, Now, Key, Secret, sentBody: sentBody);
        request.Content!.Headers.Remove("Content-MD5");
        request.Content.Headers.TryAddWithoutValidation("Content-MD5", IvvySignature.ContentMd5(sentBody));

        var reply = await RawHttp.SendAsync(client, request);

        var error = IvvyLoopback.AssertError(reply, 401, specificCode: null);
        Assert.Contains("signature does not match", error);
        Assert.Empty(sandbox.Ivvy!.Leads);
    }

    [Fact]
    public async Task A_stale_date_is_401_with_specific_code_23005()
    {
        var sandbox = NewSandbox();
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();
        var staleDate = IvvySignature.FormatDate(DateTimeOffset.UtcNow.AddMinutes(-6));

        var reply = await RawHttp.SendAsync(client, RawHttp.Ivvy(server.BaseAddress, PingPath, Array.Empty<byte>(), staleDate, Key, Secret));

        IvvyLoopback.AssertError(reply, 401, specificCode: 23005);
    }

    [Fact]
    public async Task A_server_clock_offset_makes_a_current_date_stale()
    {
        var sandbox = NewSandbox(clockOffset: TimeSpan.FromMinutes(10));
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();

        var stale = await PostAsync(client, server, PingPath, string.Empty);
        var matchingTheServer = await RawHttp.SendAsync(client, RawHttp.Ivvy(
            server.BaseAddress, PingPath, Array.Empty<byte>(), IvvySignature.FormatDate(DateTimeOffset.UtcNow.AddMinutes(10)), Key, Secret));

        IvvyLoopback.AssertError(stale, 401, specificCode: 23005);
        matchingTheServer.AssertStatus(200);
    }

    [Fact]
    public async Task AddOrUpdateLead_adds_a_contact_lead_from_the_seeded_catalogue()
    {
        var sandbox = NewSandbox();
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();

        var reply = (await PostAsync(client, server, AddLeadPath, RawHttp.Json(IvvyLoopback.ContactLead("Spring conference")))).AssertStatus(200);

        Assert.Equal(new[] { "success", "id" }, reply.Object.Properties().Select(p => p.Name));
        Assert.True((bool)reply.Object["success"]!);
        Assert.Equal(JTokenType.Integer, reply.Object["id"]!.Type);
        var id = (long)reply.Object["id"]!;
        var stored = Assert.Single(sandbox.Ivvy!.Leads);
        Assert.Equal(id, stored.Id);
        Assert.Equal("Spring conference", stored.Name);

        // Sending the id back updates that lead.
        var update = (await PostAsync(client, server, AddLeadPath, RawHttp.Json(new JObject { ["id"] = id, ["description"] = "Two days" }))).AssertStatus(200);
        Assert.Equal(id, (long)update.Object["id"]!);
        Assert.Equal("Two days", Assert.Single(sandbox.Ivvy.Leads).Description);
    }

    [Fact]
    public async Task GetLeadList_pages_with_meta_over_the_socket()
    {
        var sandbox = NewSandbox();
        var seeded = Enumerable.Range(1, 7).Select(i => sandbox.Ivvy!.SeedLead("Listed lead " + i, IvvySeedIds.ContactJackTaylor)).ToList();
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();

        var seen = new List<long>();
        var start = 0;
        var pages = 0;
        while (true)
        {
            var reply = (await PostAsync(client, server, LeadListPath, RawHttp.Json(new JObject { ["perPage"] = 3, ["start"] = start }))).AssertStatus(200);
            var meta = (JObject)reply.Object["meta"]!;
            var results = (JArray)reply.Object["results"]!;
            Assert.Equal(7, (int)meta["totalResults"]!);
            Assert.Equal(start, (int)meta["start"]!);
            Assert.Equal(3, (int)meta["perPage"]!);
            Assert.Equal(results.Count, (int)meta["count"]!);
            Assert.Equal(Math.Min(3, 7 - start), results.Count);
            seen.AddRange(results.Select(r => (long)r["id"]!));
            pages++;
            start += results.Count;
            if (start >= (int)meta["totalResults"]!)
            {
                break;
            }
        }

        Assert.Equal(3, pages);
        Assert.Equal(seeded, seen);
    }

    [Fact]
    public async Task An_empty_add_is_24215()
    {
        var sandbox = NewSandbox();
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();

        IvvyLoopback.AssertError(await PostAsync(client, server, AddLeadPath, "{}"), 400, specificCode: 24215);
        IvvyLoopback.AssertError(await PostAsync(client, server, AddLeadPath, string.Empty), 400, specificCode: 24215);
        Assert.Empty(sandbox.Ivvy!.Leads);
    }

    [Fact]
    public async Task An_update_of_an_unknown_lead_is_24216()
    {
        var sandbox = NewSandbox();
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();

        var reply = await PostAsync(client, server, AddLeadPath, RawHttp.Json(new JObject { ["id"] = 987654, ["name"] = "Ghost" }));

        IvvyLoopback.AssertError(reply, 400, specificCode: 24216);
        Assert.Empty(sandbox.Ivvy!.Leads);
    }

    [Fact]
    public async Task An_add_missing_required_when_fields_is_24218_listing_every_problem()
    {
        var sandbox = NewSandbox();
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();

        var reply = await PostAsync(client, server, AddLeadPath, RawHttp.Json(new JObject { ["name"] = "Half a lead", ["contactId"] = IvvySeedIds.ContactJackTaylor }));

        IvvyLoopback.AssertError(reply, 400, specificCode: 24218);
        var messages = ((JArray)reply.Object["additionalMessages"]!).Select(m => (string)m!).ToList();
        Assert.Contains(messages, m => m.Contains("'sourceId'"));
        Assert.Contains(messages, m => m.Contains("'typeId'"));
        Assert.Contains(messages, m => m.Contains("'stageId'"));
        Assert.Contains(messages, m => m.Contains("'industryId'"));
        Assert.Empty(sandbox.Ivvy!.Leads);
    }
}

/// <summary>Shared pieces of the iVvy socket tests.</summary>
internal static class IvvyLoopback
{
    /// <summary>docs/sandbox-ivvy.md's contact lead that passes every rule.</summary>
    public static JObject ContactLead(string name) => new JObject
    {
        ["name"] = name,
        ["contactId"] = 208,
        ["industryId"] = 22,
        ["sourceId"] = 31,
        ["typeId"] = 43,
        ["stageId"] = 51,
    };

    /// <summary>Asserts iVvy's error body (all four keys, status equal to errorCode) and returns the message.</summary>
    public static string AssertError(RawReply reply, int errorCode, int? specificCode)
    {
        reply.AssertStatus(errorCode);
        var body = reply.Object;
        Assert.Equal(new[] { "additionalMessages", "errorCode", "message", "specificCode" }, body.Properties().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(errorCode, (int)body["errorCode"]!);
        if (specificCode == null)
        {
            Assert.Equal(JTokenType.Null, body["specificCode"]!.Type);
        }
        else
        {
            Assert.Equal(specificCode, (int)body["specificCode"]!);
        }

        Assert.Equal(JTokenType.Array, body["additionalMessages"]!.Type);
        return (string)body["message"]!;
    }
}
