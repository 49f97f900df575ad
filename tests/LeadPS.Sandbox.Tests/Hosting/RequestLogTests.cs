using LeadPS.Sandbox.Hosting;
using LeadPS.Sandbox.Tests.Loopback;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Hosting;

/// <summary><see cref="LeadSandbox.Requests"/>: what it records, what it masks, how much it keeps.</summary>
public sealed class RequestLogTests
{
    [Theory]
    [InlineData(Transport.InMemory)]
    [InlineData(Transport.Loopback)]
    public async Task Copper_access_tokens_never_appear_in_any_record(Transport transport)
    {
        const string token = "copper-SECRET-7f3a9c1e";
        const string wrongToken = "wrong-SECRET-51d0b2aa";
        using var hosted = HostedSandbox.Copper(transport, new SandboxOptions
        {
            RequestsPerMinute = 0,
            CopperUserEmail = RawHttp.CopperEmail,
            CopperApiToken = token,
        });

        (await hosted.SendAsync(hosted.CopperRequest(HttpMethod.Post, "leads", "{\"name\":\"Logged Lead\"}", token))).AssertStatus(200);
        (await hosted.SendAsync(hosted.CopperRequest(HttpMethod.Get, "account", token: token))).AssertStatus(200);
        (await hosted.SendAsync(hosted.CopperRequest(HttpMethod.Get, "account", token: wrongToken))).AssertStatus(401);

        var records = hosted.Sandbox.Requests.Snapshot();
        Assert.Equal(3, records.Count);
        Assert.All(records, r =>
        {
            Assert.Equal("***", r.Headers["X-PW-AccessToken"]);
            Assert.Equal(RawHttp.CopperEmail, r.Headers["X-PW-UserEmail"]);
            AssertAbsent(r, token);
            AssertAbsent(r, wrongToken);
        });
        Assert.Equal(new int?[] { 200, 200, 401 }, records.Select(r => r.StatusCode));
        Assert.DoesNotContain(token, hosted.Sandbox.ToString());
    }

    [Theory]
    [InlineData(Transport.InMemory)]
    [InlineData(Transport.Loopback)]
    public async Task Ivvy_authorization_values_never_appear_in_any_record(Transport transport)
    {
        using var hosted = HostedSandbox.Ivvy(transport, new SandboxOptions());
        var requests = new[]
        {
            hosted.IvvyRequest("/api/1.0/test?action=ping", string.Empty),
            hosted.IvvyRequest("/api/1.0/contact?action=addOrUpdateLead", RawHttp.Json(IvvyLoopback.ContactLead("Logged lead"))),
            hosted.IvvyRequest("/api/1.0/crm?action=getLeadList", "{\"perPage\":5}"),
        };
        var authorizations = requests.Select(r => string.Join(", ", r.Headers.GetValues("X-Api-Authorization"))).ToList();

        foreach (var request in requests)
        {
            (await hosted.SendAsync(request)).AssertStatus(200);
        }

        var records = hosted.Sandbox.Requests.Snapshot();
        Assert.Equal(3, records.Count);
        Assert.All(records, r =>
        {
            Assert.Equal("***", r.Headers["X-Api-Authorization"]);
            AssertAbsent(r, HostedSandbox.IvvySecret);
            foreach (var authorization in authorizations)
            {
                AssertAbsent(r, authorization);
                AssertAbsent(r, authorization.Substring(authorization.IndexOf(':') + 1));
            }
        });

        // What is not secret is kept as sent, for assertions.
        Assert.Equal(IvvyLoopback.ContactLead("Logged lead").ToString(Newtonsoft.Json.Formatting.None), records[1].Body);
        Assert.Equal("1.0", records[1].Headers["x-api-version"]);
        Assert.Equal("/api/1.0/contact?action=addOrUpdateLead", records[1].PathAndQuery);
    }

    [Theory]
    [InlineData(Transport.InMemory)]
    [InlineData(Transport.Loopback)]
    public async Task The_log_keeps_the_newest_records_up_to_its_capacity_and_counts_them_all(Transport transport)
    {
        using var hosted = HostedSandbox.Copper(transport, new SandboxOptions { RequestsPerMinute = 0, RequestLogCapacity = 5 });

        for (var i = 1; i <= 12; i++)
        {
            (await hosted.SendAsync(hosted.CopperRequest(HttpMethod.Get, "leads/" + i))).AssertStatus(404);
        }

        var records = hosted.Sandbox.Requests.Snapshot();
        Assert.Equal(12, hosted.Sandbox.Requests.TotalCount);
        Assert.Equal(new long[] { 8, 9, 10, 11, 12 }, records.Select(r => r.Sequence));
        Assert.Equal(Enumerable.Range(8, 5).Select(i => "/developer_api/v1/leads/" + i), records.Select(r => r.PathAndQuery));
        Assert.All(records, r => Assert.Equal(404, r.StatusCode));
    }

    [Fact]
    public async Task A_capacity_of_zero_remembers_nothing_but_still_counts()
    {
        using var hosted = HostedSandbox.Copper(Transport.InMemory, new SandboxOptions { RequestsPerMinute = 0, RequestLogCapacity = 0 });

        for (var i = 0; i < 4; i++)
        {
            (await hosted.SendAsync(hosted.CopperRequest(HttpMethod.Get, "account"))).AssertStatus(200);
        }

        Assert.Empty(hosted.Sandbox.Requests.Snapshot());
        Assert.Equal(4, hosted.Sandbox.Requests.TotalCount);
    }

    [Fact]
    public async Task Clear_forgets_the_records_and_restarts_the_count()
    {
        using var hosted = HostedSandbox.Copper(Transport.InMemory, new SandboxOptions { RequestsPerMinute = 0 });
        (await hosted.SendAsync(hosted.CopperRequest(HttpMethod.Get, "account"))).AssertStatus(200);
        (await hosted.SendAsync(hosted.CopperRequest(HttpMethod.Get, "account"))).AssertStatus(200);

        hosted.Sandbox.Requests.Clear();
        (await hosted.SendAsync(hosted.CopperRequest(HttpMethod.Get, "users/me"))).AssertStatus(200);

        var record = Assert.Single(hosted.Sandbox.Requests.Snapshot());
        Assert.Equal(1, record.Sequence);
        Assert.Equal(1, hosted.Sandbox.Requests.TotalCount);
        Assert.Equal("/developer_api/v1/users/me", record.PathAndQuery);
    }

    [Theory]
    [InlineData(Transport.InMemory)]
    [InlineData(Transport.Loopback)]
    public async Task A_record_describes_the_request_and_its_answer_on_the_servers_clock(Transport transport)
    {
        var offset = TimeSpan.FromHours(2);
        using var hosted = HostedSandbox.Copper(transport, new SandboxOptions { RequestsPerMinute = 0, ClockOffset = offset });
        const string body = "{\"name\":\"Recorded Lead\",\"title\":\"Héad of Ünicode\"}";

        var before = DateTimeOffset.UtcNow;
        var reply = (await hosted.SendAsync(hosted.CopperRequest(HttpMethod.Post, "leads", body))).AssertStatus(200);
        var after = DateTimeOffset.UtcNow;

        var record = Assert.Single(hosted.Sandbox.Requests.Snapshot());
        Assert.Equal(1, record.Sequence);
        Assert.Equal("POST", record.Method);
        Assert.Equal("/developer_api/v1/leads", record.PathAndQuery);
        Assert.Equal(body, record.Body);
        Assert.Equal(200, record.StatusCode);
        Assert.Equal(SandboxFault.None, record.Fault);
        Assert.True(record.ReachedPlatform);
        Assert.InRange(record.ReceivedAt, before + offset, after + offset);
        Assert.Equal("Héad of Ünicode", (string?)reply.Object["title"]);
        Assert.Contains("POST /developer_api/v1/leads", record.ToString());
        Assert.Equal((long)reply.Object["id"]!, Assert.Single(hosted.Sandbox.Copper!.Leads).Id);
        Assert.Equal(JTokenType.Integer, reply.Object["id"]!.Type);
    }

    private static void AssertAbsent(SandboxRequestRecord record, string secret)
    {
        Assert.All(record.Headers, h => Assert.DoesNotContain(secret, h.Value));
        Assert.DoesNotContain(secret, record.Body);
        Assert.DoesNotContain(secret, record.PathAndQuery);
        Assert.DoesNotContain(secret, record.ToString());
    }
}
