using LeadPS.Sandbox.Hosting;
using LeadPS.Sandbox.Tests.Loopback;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Hosting;

/// <summary>
/// Each fault kind alone, at <see cref="SandboxOptions.FaultRate"/> 1.0, through both transports;
/// and what <see cref="SandboxRequestRecord.ReachedPlatform"/> says about the store.
/// </summary>
public sealed class FaultInjectionTests
{
    private static SandboxOptions Only(SandboxFault fault, double rate = 1.0, int seed = 20261123) => new SandboxOptions
    {
        RequestsPerMinute = 0,
        Faults = fault,
        FaultRate = rate,
        RandomSeed = seed,
    };

    private static string CreateBody(string name) => RawHttp.Json(new JObject { ["name"] = name });

    [Theory]
    [InlineData(Transport.InMemory)]
    [InlineData(Transport.Loopback)]
    public async Task ServerError_answers_503_with_both_platforms_error_fields_and_never_touches_the_store(Transport transport)
    {
        using var hosted = HostedSandbox.Copper(transport, Only(SandboxFault.ServerError));

        for (var i = 0; i < 3; i++)
        {
            var reply = await hosted.SendAsync(hosted.CopperRequest(HttpMethod.Post, "leads", CreateBody("Unlucky " + i)));

            reply.AssertStatus(503);
            var body = reply.Object;
            Assert.Equal(503, (int)body["status"]!);
            Assert.Equal(503, (int)body["errorCode"]!);
            Assert.Equal(JTokenType.String, body["message"]!.Type);
        }

        Assert.Equal(0, hosted.Sandbox.Copper!.LeadCount);
        Assert.All(hosted.Sandbox.Requests.Snapshot(), r =>
        {
            Assert.Equal(SandboxFault.ServerError, r.Fault);
            Assert.Equal(503, r.StatusCode);
            Assert.False(r.ReachedPlatform);
        });
    }

    [Theory]
    [InlineData(Transport.InMemory)]
    [InlineData(Transport.Loopback)]
    public async Task ServerError_body_is_readable_as_an_ivvy_error_too(Transport transport)
    {
        using var hosted = HostedSandbox.Ivvy(transport, Only(SandboxFault.ServerError));

        var reply = await hosted.SendAsync(hosted.IvvyRequest("/api/1.0/contact?action=addOrUpdateLead", RawHttp.Json(IvvyLoopback.ContactLead("Fault"))));

        reply.AssertStatus(503);
        Assert.Equal(503, (int)reply.Object["errorCode"]!);
        Assert.Equal(503, (int)reply.Object["status"]!);
        Assert.Empty(hosted.Sandbox.Ivvy!.Leads);
    }

    [Theory]
    [InlineData(Transport.InMemory)]
    [InlineData(Transport.Loopback)]
    public async Task TooManyRequests_at_full_rate_answers_only_429s(Transport transport)
    {
        using var hosted = HostedSandbox.Copper(transport, Only(SandboxFault.TooManyRequests));

        for (var i = 0; i < 7; i++)
        {
            var reply = await hosted.SendAsync(hosted.CopperRequest(HttpMethod.Post, "leads", CreateBody("Throttled " + i)));
            reply.AssertStatus(429);
            Assert.Equal(429, (int)reply.Object["status"]!);
            Assert.Equal(429, (int)reply.Object["errorCode"]!);
        }

        Assert.Equal(0, hosted.Sandbox.Copper!.LeadCount);
        Assert.All(hosted.Sandbox.Requests.Snapshot(), r =>
        {
            Assert.Equal(SandboxFault.TooManyRequests, r.Fault);
            Assert.False(r.ReachedPlatform);
        });
    }

    [Theory]
    [InlineData(Transport.InMemory, 1)]
    [InlineData(Transport.InMemory, 4)]
    [InlineData(Transport.Loopback, 4)]
    public async Task TooManyRequests_is_a_burst_of_exactly_the_burst_length_then_normal_answers(Transport transport, int burstLength)
    {
        // The injector draws once per request outside a burst (below FaultRate: a fault), and a
        // 429 fault answers the next ThrottleBurstLength - 1 requests without drawing. Pick a seed
        // whose first draw is a fault and whose following draws are not, so the burst is the only fault.
        const double rate = 0.05;
        const int normalAnswers = 6;
        var options = Only(SandboxFault.TooManyRequests, rate, SeedWithOnlyTheFirstDrawBelow(rate, normalAnswers + 2));
        options.ThrottleBurstLength = burstLength;
        using var hosted = HostedSandbox.Copper(transport, options);

        var statuses = new List<int>();
        for (var i = 0; i < burstLength + normalAnswers; i++)
        {
            statuses.Add((await hosted.SendAsync(hosted.CopperRequest(HttpMethod.Get, "account"))).Status);
        }

        var expected = Enumerable.Repeat(429, burstLength).Concat(Enumerable.Repeat(200, normalAnswers));
        Assert.Equal(expected, statuses);
        var records = hosted.Sandbox.Requests.Snapshot();
        Assert.Equal(
            Enumerable.Repeat(SandboxFault.TooManyRequests, burstLength).Concat(Enumerable.Repeat(SandboxFault.None, normalAnswers)),
            records.Select(r => r.Fault));
        Assert.Equal(
            Enumerable.Repeat(false, burstLength).Concat(Enumerable.Repeat(true, normalAnswers)),
            records.Select(r => r.ReachedPlatform));
    }

    [Theory]
    [InlineData(Transport.InMemory)]
    [InlineData(Transport.Loopback)]
    public async Task DropConnection_throws_HttpRequestException_and_ReachedPlatform_tells_whether_the_lead_was_stored(Transport transport)
    {
        using var hosted = HostedSandbox.Copper(transport, Only(SandboxFault.DropConnection));
        var names = Enumerable.Range(1, 12).Select(i => "Dropped Lead " + i).ToList();

        foreach (var name in names)
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => hosted.SendAsync(hosted.CopperRequest(HttpMethod.Post, "leads", CreateBody(name))));
        }

        var records = hosted.Sandbox.Requests.Snapshot();
        Assert.Equal(names.Count, records.Count);
        Assert.All(records, r =>
        {
            Assert.Equal(SandboxFault.DropConnection, r.Fault);
            Assert.Null(r.StatusCode);
        });
        AssertReachedPlatformMatchesStore(hosted.Sandbox, records);
    }

    [Theory]
    [InlineData(Transport.InMemory)]
    [InlineData(Transport.Loopback)]
    public async Task Timeout_leaves_the_client_to_give_up_and_ReachedPlatform_tells_whether_the_lead_was_stored(Transport transport)
    {
        // Generous: under a loaded CI machine a request must still reach the server before the client gives up.
        using var hosted = HostedSandbox.Copper(transport, Only(SandboxFault.Timeout), timeout: TimeSpan.FromSeconds(2));
        var names = Enumerable.Range(1, 10).Select(i => "Hanging Lead " + i).ToList();

        // In parallel: each request waits for the client's timeout, and the outcome of each is its own.
        await Task.WhenAll(names.Select(name =>
            Assert.ThrowsAnyAsync<OperationCanceledException>(() => hosted.SendAsync(hosted.CopperRequest(HttpMethod.Post, "leads", CreateBody(name))))));

        var records = hosted.Sandbox.Requests.Snapshot();
        Assert.Equal(names.Count, records.Count);
        Assert.All(records, r =>
        {
            Assert.Equal(SandboxFault.Timeout, r.Fault);
            Assert.Null(r.StatusCode);
        });
        AssertReachedPlatformMatchesStore(hosted.Sandbox, records);
    }

    [Fact]
    public async Task Stopping_the_server_ends_a_hanging_request_without_an_answer()
    {
        var sandbox = new LeadSandbox(LeadPlatform.Copper, Only(SandboxFault.Timeout));
        var server = sandbox.StartLoopback();
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(1) };
        var pending = RawHttp.SendAsync(client, RawHttp.Copper(HttpMethod.Post, new Uri(sandbox.BaseAddressOf(server), "leads"), CreateBody("Left Hanging")));
        for (var i = 0; i < 1000 && sandbox.Requests.TotalCount == 0; i++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(SandboxFault.Timeout, Assert.Single(sandbox.Requests.Snapshot()).Fault);

        server.Dispose();

        await Assert.ThrowsAsync<HttpRequestException>(() => pending);
    }

    [Theory]
    [InlineData(Transport.InMemory)]
    [InlineData(Transport.Loopback)]
    public async Task MalformedBody_answers_200_with_invalid_json_after_the_platform_stored_the_lead(Transport transport)
    {
        using var hosted = HostedSandbox.Copper(transport, Only(SandboxFault.MalformedBody));

        for (var i = 1; i <= 3; i++)
        {
            var reply = await hosted.SendAsync(hosted.CopperRequest(HttpMethod.Post, "leads", CreateBody("Garbled Lead " + i)));

            reply.AssertStatus(200);
            Assert.ThrowsAny<JsonException>(() => JToken.Parse(reply.Text));
        }

        Assert.Equal(new[] { "Garbled Lead 1", "Garbled Lead 2", "Garbled Lead 3" }, hosted.Sandbox.Copper!.Leads.Select(l => l.Name));
        Assert.All(hosted.Sandbox.Requests.Snapshot(), r =>
        {
            Assert.Equal(SandboxFault.MalformedBody, r.Fault);
            Assert.Equal(200, r.StatusCode);
            Assert.True(r.ReachedPlatform);
        });
    }

    [Theory]
    [InlineData(Transport.InMemory)]
    [InlineData(Transport.Loopback)]
    public async Task Without_faults_every_request_reaches_the_platform(Transport transport)
    {
        // Faults listed but a rate of 0, and a rate of 1 with no kinds: neither injects anything.
        var zeroRate = Only(SandboxFault.All, rate: 0);
        var noKinds = Only(SandboxFault.None, rate: 1);
        foreach (var options in new[] { zeroRate, noKinds })
        {
            using var hosted = HostedSandbox.Copper(transport, options);
            for (var i = 0; i < 10; i++)
            {
                (await hosted.SendAsync(hosted.CopperRequest(HttpMethod.Post, "leads", CreateBody("Plain Lead " + i)))).AssertStatus(200);
            }

            Assert.Equal(10, hosted.Sandbox.Copper!.LeadCount);
            Assert.All(hosted.Sandbox.Requests.Snapshot(), r =>
            {
                Assert.Equal(SandboxFault.None, r.Fault);
                Assert.True(r.ReachedPlatform);
            });
        }
    }

    /// <summary>Every record whose request reached the platform left its lead in the store, and no other did.</summary>
    private static void AssertReachedPlatformMatchesStore(LeadSandbox sandbox, IReadOnlyList<SandboxRequestRecord> records)
    {
        var stored = sandbox.Copper!.Leads.Select(l => l.Name).ToHashSet();
        foreach (var record in records)
        {
            var name = (string)JObject.Parse(record.Body)["name"]!;
            Assert.True(record.ReachedPlatform == stored.Contains(name), $"{name}: ReachedPlatform {record.ReachedPlatform}, stored {stored.Contains(name)}");
        }

        Assert.Equal(records.Count(r => r.ReachedPlatform), stored.Count);

        // Both cases are exercised (the seed is fixed, so this is deterministic).
        Assert.Contains(records, r => r.ReachedPlatform);
        Assert.Contains(records, r => !r.ReachedPlatform);
    }

    /// <summary>
    /// A seed for <see cref="System.Random"/> (what the injector draws from) whose first sample is
    /// below <paramref name="rate"/> and whose next <paramref name="following"/> samples are not.
    /// </summary>
    private static int SeedWithOnlyTheFirstDrawBelow(double rate, int following)
    {
        for (var seed = 1; ; seed++)
        {
            var random = new Random(seed);
            if (random.NextDouble() >= rate)
            {
                continue;
            }

            var ok = true;
            for (var i = 0; i < following && ok; i++)
            {
                ok = random.NextDouble() >= rate;
            }

            if (ok)
            {
                return seed;
            }
        }
    }
}
