using LeadPS.Sandbox.Tests.Loopback;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Hosting;

/// <summary>Many requests at once through the loopback server: every one answered, stored once and logged once.</summary>
public sealed class ConcurrencyTests
{
    private const int Parallel = 200;

    [Fact]
    public async Task Two_hundred_parallel_copper_creates_over_loopback_are_all_answered_and_logged()
    {
        var sandbox = new LeadSandbox(LeadPlatform.Copper, new SandboxOptions { RequestsPerMinute = 0, Latency = TimeSpan.FromMilliseconds(20) });
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();
        var leads = new Uri(sandbox.BaseAddressOf(server), "leads");

        var replies = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i =>
            RawHttp.SendAsync(client, RawHttp.Copper(HttpMethod.Post, leads, RawHttp.Json(new JObject { ["name"] = "Parallel Lead " + i })))));

        Assert.All(replies, r => r.AssertStatus(200));
        var ids = replies.Select(r => (long)r.Object["id"]!).ToList();
        Assert.Equal(Parallel, ids.Distinct().Count());
        var names = replies.Select(r => (string)r.Object["name"]!).ToHashSet();
        Assert.Equal(Enumerable.Range(0, Parallel).Select(i => "Parallel Lead " + i).ToHashSet(), names);

        Assert.Equal(Parallel, sandbox.Copper!.LeadCount);
        Assert.Equal(ids.OrderBy(id => id), sandbox.Copper.Leads.Select(l => l.Id));
        Assert.Equal(Parallel, sandbox.Requests.TotalCount);
        var records = sandbox.Requests.Snapshot();
        Assert.Equal(Enumerable.Range(1, Parallel).Select(i => (long)i), records.Select(r => r.Sequence).OrderBy(s => s));
        Assert.All(records, r =>
        {
            Assert.Equal(200, r.StatusCode);
            Assert.True(r.ReachedPlatform);
        });
        Assert.Equal(names, records.Select(r => (string)JObject.Parse(r.Body)["name"]!).ToHashSet());
    }

    [Fact]
    public async Task Two_hundred_parallel_signed_ivvy_adds_over_loopback_are_all_answered_and_logged()
    {
        using var hosted = HostedSandbox.Ivvy(Transport.Loopback, new SandboxOptions());

        var replies = await Task.WhenAll(Enumerable.Range(0, Parallel).Select(i =>
            hosted.SendAsync(hosted.IvvyRequest("/api/1.0/contact?action=addOrUpdateLead", RawHttp.Json(IvvyLoopback.ContactLead("Parallel lead " + i))))));

        Assert.All(replies, r => r.AssertStatus(200));
        Assert.All(replies, r => Assert.True((bool)r.Object["success"]!));
        var ids = replies.Select(r => (long)r.Object["id"]!).ToList();
        Assert.Equal(Parallel, ids.Distinct().Count());
        Assert.Equal(ids.OrderBy(id => id), hosted.Sandbox.Ivvy!.Leads.Select(l => l.Id));
        Assert.Equal(Parallel, hosted.Sandbox.Requests.TotalCount);
        Assert.All(hosted.Sandbox.Requests.Snapshot(), r => Assert.Equal(200, r.StatusCode));
    }
}
