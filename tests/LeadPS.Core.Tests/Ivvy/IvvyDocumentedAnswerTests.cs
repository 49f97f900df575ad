using System.Text;
using LeadPS.Core.Tests.Http;
using LeadPS.Ivvy;
using Newtonsoft.Json.Linq;

namespace LeadPS.Core.Tests.Ivvy;

/// <summary>LeadPS's iVvy client reads the answers iVvy's documentation describes (api/ivvy.md, "Beyond the seeds").</summary>
public class IvvyDocumentedAnswerTests
{
    [Theory]
    [InlineData("{\"ack\":\"2026-12-03 02:29:15 UTC\"}")]
    [InlineData("{\"ack\":true}")]
    public async Task Ping_ack_with_the_server_timestamp_or_a_boolean_verifies_the_credential(string answer)
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Json(200, answer));
        using var connection = TestConnections.Create(LeadPlatform.Ivvy, handler, "KEY", "secret");

        await connection.VerifyCredentialAsync(CancellationToken.None);

        Assert.Equal("/api/1.0/test?action=ping", Assert.Single(handler.Requests).Request.RequestUri!.PathAndQuery);
    }

    [Fact]
    public async Task GetLeadList_pages_through_a_server_that_caps_perPage_below_what_was_asked()
    {
        // iVvy: a perPage above a call's cap "will not have any effect"; here the cap is 30 and LeadPS asks for more.
        const int cap = 30;
        const int total = 75;
        var starts = new List<long>();
        RecordingHandler? handler = null;
        handler = new RecordingHandler((_, index) =>
        {
            var request = JObject.Parse(Encoding.UTF8.GetString(handler!.Requests[index].Body));
            var start = (long)request["start"]!;
            starts.Add(start);
            Assert.True((int)request["perPage"]! > cap);
            var results = new JArray(Enumerable.Range((int)start, (int)Math.Max(0, Math.Min(cap, total - start))).Select(i => new JObject { ["id"] = 1000 + i }));
            var page = new JObject
            {
                ["meta"] = new JObject { ["totalResults"] = total, ["start"] = start, ["perPage"] = cap, ["count"] = results.Count },
                ["results"] = results,
            };
            return RecordingHandler.Json(200, page.ToString());
        });
        using var connection = TestConnections.Create(LeadPlatform.Ivvy, handler, "KEY", "secret");
        var seen = new List<long>();

        var reported = await new IvvyLeadClient(connection).GetLeadListAsync(null, lead => { seen.Add((long)lead["id"]!); return true; }, CancellationToken.None);

        Assert.Equal(total, reported);
        Assert.Equal(Enumerable.Range(1000, total).Select(i => (long)i), seen);
        Assert.Equal(new long[] { 0, 30, 60 }, starts);
    }
}
