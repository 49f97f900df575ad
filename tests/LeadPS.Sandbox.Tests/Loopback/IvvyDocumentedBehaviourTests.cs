using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LeadPS.Ivvy;
using LeadPS.Sandbox.Hosting;
using LeadPS.Sandbox.Ivvy;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Loopback;

/// <summary>
/// iVvy's public API documentation beyond the seeds (api/ivvy.md, "Beyond the seeds"), over a real
/// loopback socket. Each test is named after the documentation point it checks.
/// </summary>
public sealed class IvvyDocumentedBehaviourTests
{
    private const string PingPath = "/api/1.0/test?action=ping";
    private const string AddLeadPath = "/api/1.0/contact?action=addOrUpdateLead";
    private const string LeadListPath = "/api/1.0/crm?action=getLeadList";
    private const string StageListPath = "/api/1.0/crm?action=getLeadStageList";
    private const string Key = "DOCKEY1";
    private const string Secret = "documented secret";

    private static LeadSandbox NewSandbox(TimeSpan clockOffset = default) =>
        new(LeadPlatform.Ivvy, new SandboxOptions { IvvyApiKey = Key, IvvyApiSecret = Secret, ClockOffset = clockOffset });

    private static string Now => IvvySignature.FormatDate(DateTimeOffset.UtcNow);

    private static Task<RawReply> PostAsync(HttpClient client, SandboxLoopbackServer server, string path, string body) =>
        RawHttp.SendAsync(client, RawHttp.Ivvy(server.BaseAddress, path, Encoding.UTF8.GetBytes(body), Now, Key, Secret, sendApiVersion: false));

    [Fact]
    public async Task Standard_headers__X_Api_Version_is_not_required()
    {
        var sandbox = NewSandbox();
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();

        var ping = await PostAsync(client, server, PingPath, string.Empty);
        var add = await PostAsync(client, server, AddLeadPath, RawHttp.Json(IvvyLoopback.ContactLead("Versionless")));

        ping.AssertStatus(200);
        add.AssertStatus(200);
        Assert.Equal("Versionless", Assert.Single(sandbox.Ivvy!.Leads).Name);
        Assert.All(sandbox.Requests.Snapshot(), r => Assert.False(r.Headers.ContainsKey("X-Api-Version")));
    }

    [Fact]
    public async Task Standard_headers__a_Date_header_may_be_used_instead_of_IVVY_Date_and_fills_step_4_of_the_string_to_sign()
    {
        var sandbox = NewSandbox();
        using var server = sandbox.StartLoopback();
        var date = DateTimeOffset.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

        // Step 4 carries the Date value; with no IVVY header there is nothing after the api version.
        var signedWithDate = Sign("postd41d8cd98f00b204e9800998ecf8427eapplication/json" + date + "/api/1.0/test?action=ping1.0");
        var signedWithoutDate = Sign("postd41d8cd98f00b204e9800998ecf8427eapplication/json/api/1.0/test?action=ping1.0");

        var accepted = await SendRawAsync(server, date, signedWithDate);
        var refused = await SendRawAsync(server, date, signedWithoutDate);

        Assert.Equal(200, accepted.Status);
        Assert.Equal(JTokenType.String, accepted.Object["ack"]!.Type);
        Assert.Equal(401, refused.Status);
        Assert.Contains("signature does not match", (string)refused.Object["message"]!);
    }

    [Fact]
    public async Task Standard_headers__a_stale_Date_header_is_23005_like_a_stale_IVVY_Date()
    {
        var sandbox = NewSandbox();
        using var server = sandbox.StartLoopback();
        var date = DateTimeOffset.UtcNow.AddMinutes(-6).ToString("r", CultureInfo.InvariantCulture);

        var reply = await SendRawAsync(server, date, Sign("postd41d8cd98f00b204e9800998ecf8427eapplication/json" + date + "/api/1.0/test?action=ping1.0"));

        Assert.Equal(401, reply.Status);
        Assert.Equal(23005, (int)reply.Object["specificCode"]!);
    }

    [Fact]
    public async Task Official_dotnet_sdk_signing__a_request_signed_as_the_sdk_signs_it_is_accepted()
    {
        // The SDK's header set: Content-Type "application/json; charset=utf-8" (StringContent with UTF-8),
        // Content-MD5, IVVY-Date "yyyy-MM-dd HH:mm:ss UTC", X-Api-Authorization; no X-Api-Version. It signs
        // method + md5 + content type + "" + request uri + "1.0" + "IVVYDate=" + date, lowercased.
        var sandbox = NewSandbox();
        sandbox.Ivvy!.SeedLead("Listed by the SDK", IvvySeedIds.ContactJackTaylor);
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();

        var ping = await SdkCallAsync(client, server, "test", "ping", string.Empty);
        var add = await SdkCallAsync(client, server, "contact", "addOrUpdateLead", RawHttp.Json(IvvyLoopback.ContactLead("Added by the SDK")));
        var list = await SdkCallAsync(client, server, "crm", "getLeadList", "{\"perPage\":10,\"start\":0}");

        ping.AssertStatus(200);
        add.AssertStatus(200);
        list.AssertStatus(200);
        Assert.Equal(2, (int)list.Object["meta"]!["totalResults"]!);
        var sent = sandbox.Requests.Snapshot();
        Assert.Equal(3, sent.Count);
        Assert.All(sent, r =>
        {
            Assert.Equal("application/json; charset=utf-8", r.Headers["Content-Type"]);
            Assert.EndsWith(" UTC", r.Headers["IVVY-Date"]);
            Assert.False(r.Headers.ContainsKey("X-Api-Version"));
            Assert.Equal(200, r.StatusCode);
        });
    }

    [Fact]
    public async Task Ping__answers_an_ack_with_the_timestamp_from_the_server()
    {
        var offset = TimeSpan.FromMinutes(3);
        var sandbox = NewSandbox(offset);
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();

        var reply = (await RawHttp.SendAsync(client, RawHttp.Ivvy(
            server.BaseAddress, PingPath, Array.Empty<byte>(), IvvySignature.FormatDate(DateTimeOffset.UtcNow + offset), Key, Secret))).AssertStatus(200);

        // A date-time as the official SDK reads it, never a boolean; it is the server's clock (offset included).
        var ack = reply.Object["ack"]!;
        Assert.Equal(JTokenType.String, ack.Type);
        var serverTime = DateTimeOffset.ParseExact((string)ack!, "yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.True(Math.Abs((serverTime - (DateTimeOffset.UtcNow + offset)).TotalMinutes) < 1, "ack " + ack);
    }

    [Fact]
    public async Task GetLeadStageList__each_stage_lists_its_reasons_with_their_text_as_reason()
    {
        var sandbox = NewSandbox();
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();

        var reply = (await PostAsync(client, server, StageListPath, string.Empty)).AssertStatus(200);

        var interested = ((JArray)reply.Object["results"]!).Single(s => (long)s["id"]! == IvvySeedIds.StageInterested);
        var reasons = (JArray)interested["reasons"]!;
        Assert.Equal(new long[] { 531, 532 }, reasons.Select(r => (long)r["id"]!));
        Assert.Equal(new[] { "Price under budget", "Date available" }, reasons.Select(r => (string)r["reason"]!));
    }

    [Fact]
    public async Task Pagination__a_perPage_above_the_cap_has_no_effect_beyond_the_cap()
    {
        var sandbox = NewSandbox();
        var seeded = Enumerable.Range(1, 105).Select(i => sandbox.Ivvy!.SeedLead("Capped " + i, IvvySeedIds.ContactJackTaylor)).ToList();
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();

        var first = (await PostAsync(client, server, LeadListPath, "{\"perPage\":500,\"start\":0}")).AssertStatus(200);
        var second = (await PostAsync(client, server, LeadListPath, "{\"perPage\":500,\"start\":100}")).AssertStatus(200);

        Assert.Equal(105, (int)first.Object["meta"]!["totalResults"]!);
        Assert.Equal(100, (int)first.Object["meta"]!["perPage"]!);
        Assert.Equal(100, (int)first.Object["meta"]!["count"]!);
        Assert.Equal(5, (int)second.Object["meta"]!["count"]!);
        var ids = ((JArray)first.Object["results"]!).Concat((JArray)second.Object["results"]!).Select(r => (long)r["id"]!);
        Assert.Equal(seeded, ids);
    }

    [Fact]
    public async Task GetLeadList__results_also_carry_the_documented_keys_the_sandbox_does_not_emulate()
    {
        var sandbox = NewSandbox();
        sandbox.Ivvy!.SeedLead("Documented keys", IvvySeedIds.ContactJackTaylor);
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();

        var reply = (await PostAsync(client, server, LeadListPath, "{}")).AssertStatus(200);

        var lead = (JObject)((JArray)reply.Object["results"]!).Single(r => (string)r["name"]! == "Documented keys");
        foreach (var key in new[] { "ownerUser", "quality", "stageName", "stageReasonId", "stageReasonName", "type", "sourceName", "channelName", "currentBookingId", "leadBccEmail", "closedDate", "adminStatusChangedDate" })
        {
            Assert.True(lead.ContainsKey(key), $"getLeadList result lacks '{key}'");
        }

        Assert.Equal(JTokenType.Null, lead["closedDate"]!.Type);
        Assert.False((bool)lead["lostToCompetition"]!);
    }

    [Fact]
    public async Task Errors_the_Sandbox_invents__a_perPage_below_one_is_23016_in_ivvys_own_error_body()
    {
        var sandbox = NewSandbox();
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();

        var reply = await PostAsync(client, server, LeadListPath, "{\"perPage\":0}");

        Assert.Equal("'perPage' does not validate", IvvyLoopback.AssertError(reply, 400, specificCode: 23016));
        Assert.DoesNotContain("Sandbox", reply.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AddOrUpdateLead__if_contact_and_company_are_present_the_contact_is_linked_to_the_company()
    {
        var sandbox = NewSandbox();
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();
        Assert.DoesNotContain(IvvySeedIds.ContactJackTaylor, Company(sandbox, IvvySeedIds.CompanySummitTechnology).ContactIds);

        // An existing company and an existing contact of no company.
        var existing = (await PostAsync(client, server, AddLeadPath, RawHttp.Json(new JObject
        {
            ["name"] = "Linked lead",
            ["company"] = new JObject { ["id"] = IvvySeedIds.CompanySummitTechnology },
            ["contact"] = new JObject { ["id"] = IvvySeedIds.ContactJackTaylor },
            ["sourceId"] = 31,
            ["typeId"] = 43,
            ["stageId"] = 51,
        }))).AssertStatus(200);

        // A new company and an existing contact of another company.
        var fresh = (await PostAsync(client, server, AddLeadPath, RawHttp.Json(new JObject
        {
            ["name"] = "Lead of a new company",
            ["company"] = new JObject { ["businessName"] = "Fresh Co" },
            ["contact"] = new JObject { ["id"] = IvvySeedIds.ContactOliviaChen },
            ["sourceId"] = 31,
            ["typeId"] = 43,
            ["stageId"] = 51,
        }))).AssertStatus(200);

        Assert.Contains(IvvySeedIds.ContactJackTaylor, Company(sandbox, IvvySeedIds.CompanySummitTechnology).ContactIds);
        var linked = sandbox.Ivvy!.Leads.Single(l => l.Id == (long)existing.Object["id"]!);
        Assert.Equal(IvvySeedIds.CompanySummitTechnology, linked.CompanyId);
        Assert.Equal(IvvySeedIds.ContactJackTaylor, linked.CompanyLeadContactId);
        var newLead = sandbox.Ivvy.Leads.Single(l => l.Id == (long)fresh.Object["id"]!);
        var newCompany = sandbox.Ivvy.Companies.Single(c => c.BusinessName == "Fresh Co");
        Assert.Equal(newCompany.Id, newLead.CompanyId);
        Assert.Equal(new[] { IvvySeedIds.ContactOliviaChen }, newCompany.ContactIds);
    }

    [Fact]
    public async Task AddOrUpdateLead__with_companyId_and_an_id_only_the_contact_must_still_belong_to_the_company()
    {
        // The linking rule needs both objects; ids alone keep "must be a contact that belongs to that company".
        var sandbox = NewSandbox();
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();

        var reply = await PostAsync(client, server, AddLeadPath, RawHttp.Json(new JObject
        {
            ["name"] = "Not linked",
            ["companyId"] = IvvySeedIds.CompanyHarbourside,
            ["companyLeadContactId"] = IvvySeedIds.ContactNoahWilliams,
            ["sourceId"] = 31,
            ["typeId"] = 43,
            ["stageId"] = 51,
        }));

        IvvyLoopback.AssertError(reply, 400, specificCode: 24218);
        Assert.Empty(sandbox.Ivvy!.Leads);
        Assert.DoesNotContain(IvvySeedIds.ContactNoahWilliams, Company(sandbox, IvvySeedIds.CompanyHarbourside).ContactIds);
    }

    private static SandboxIvvyCompany Company(LeadSandbox sandbox, long id) => sandbox.Ivvy!.Companies.Single(c => c.Id == id);

    private static string Sign(string stringToSign)
    {
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(Secret));
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign.ToLowerInvariant()))).ToLowerInvariant();
    }

    /// <summary>An empty-bodied ping dated only with a standard Date header, written byte for byte.</summary>
    private static async Task<RawResponse> SendRawAsync(SandboxLoopbackServer server, string date, string signature)
    {
        using var connection = await RawConnection.OpenAsync(server);
        await connection.SendAsync(
            "POST " + PingPath + " HTTP/1.1\r\n" +
            "Host: 127.0.0.1:" + server.Port + "\r\n" +
            "Content-Type: application/json\r\n" +
            "Content-MD5: d41d8cd98f00b204e9800998ecf8427e\r\n" +
            "Date: " + date + "\r\n" +
            "X-Api-Authorization: IWS " + Key + ":" + signature + "\r\n" +
            "Content-Length: 0\r\n" +
            "Connection: close\r\n\r\n");
        return await connection.ReadResponseAsync();
    }

    /// <summary>A call made the way iVvy's official .NET SDK makes it (written here from its documented behaviour).</summary>
    private static async Task<RawReply> SdkCallAsync(HttpClient client, SandboxLoopbackServer server, string ns, string action, string postData)
    {
        const string contentType = "application/json; charset=utf-8";
        string md5;
        using (var hash = MD5.Create())
        {
            md5 = Convert.ToHexString(hash.ComputeHash(Encoding.UTF8.GetBytes(postData))).ToLowerInvariant();
        }

        var requestUri = "/api/1.0/" + ns + "?action=" + action;
        var ivvyDate = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
        var signature = Sign("POST" + md5 + contentType + string.Empty + requestUri + "1.0" + "IVVYDate=" + ivvyDate);
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseAddress, requestUri));
        message.Headers.Clear();
        message.Content = new StringContent(postData, Encoding.UTF8, "application/json");
        message.Content.Headers.Add("Content-MD5", md5);
        message.Content.Headers.Add("IVVY-Date", ivvyDate);
        message.Content.Headers.Add("X-Api-Authorization", "IWS " + Key + ":" + signature);
        return await RawHttp.SendAsync(client, message);
    }
}
