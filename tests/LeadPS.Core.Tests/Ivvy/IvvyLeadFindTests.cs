using System.Text;
using LeadPS.Core.Tests.Http;
using LeadPS.Ivvy;
using Newtonsoft.Json.Linq;

namespace LeadPS.Core.Tests.Ivvy;

/// <summary>IvvyLeadService.FindAsync against platforms that honour, ignore, refuse or narrow getLeadList's filter.</summary>
public class IvvyLeadFindTests
{
    private static readonly IvvyLeadCondition BoardDinner = IvvyLeadCondition.Equal(IvvyMatchField.Name, "Board dinner")!;

    [Fact]
    public async Task A_filter_honoured_ignoring_case_is_checked_once_then_trusted()
    {
        var (handler, service) = Platform(name => string.Equals(name, "board dinner", StringComparison.OrdinalIgnoreCase) ? Leads((1, "Board dinner")) : Leads());

        var first = await service.FindAsync(new[] { BoardDinner }, 31, CancellationToken.None);
        var second = await service.FindAsync(new[] { BoardDinner }, 31, CancellationToken.None);

        Assert.Equal(1L, (long)Assert.Single(first!)["id"]!);
        Assert.Single(second!);
        Assert.Equal(new[] { "Board dinner", "BOARD DINNER", "Board dinner" }, handler.Requests.Select(r => FilterValue(r.Body)));
    }

    [Fact]
    public async Task A_case_sensitive_filter_is_not_trusted_on_this_connection()
    {
        var (handler, service) = Platform(name => name == "Board dinner" ? Leads((1, "Board dinner")) : Leads());

        Assert.Null(await service.FindAsync(new[] { BoardDinner }, 31, CancellationToken.None));
        Assert.Null(await service.FindAsync(new[] { BoardDinner }, 31, CancellationToken.None));

        Assert.Equal(2, handler.Requests.Count);
        Assert.Contains("case-sensitively", service.Filters.Reason("name"));
    }

    [Fact]
    public async Task An_ignored_filter_shows_in_a_lead_that_fails_it()
    {
        var (handler, service) = Platform(_ => Leads((7, "Gala"), (8, "Board dinner")));

        Assert.Null(await service.FindAsync(new[] { BoardDinner }, 31, CancellationToken.None));
        Assert.Null(await service.FindAsync(new[] { BoardDinner }, 31, CancellationToken.None));

        Assert.Single(handler.Requests);
        Assert.Contains("ignored the getLeadList filter 'name' (it returned lead 7", service.Filters.Reason("name"));
    }

    [Fact]
    public async Task A_refusal_naming_the_filter_is_remembered_and_another_23016_is_thrown()
    {
        var (handler, service) = Platform(_ => RecordingHandler.Json(400, """{"errorCode":400,"message":"'filter' does not validate","specificCode":23016,"additionalMessages":["Unknown filter 'name'"]}"""));

        Assert.Null(await service.FindAsync(new[] { BoardDinner }, 31, CancellationToken.None));
        Assert.Single(handler.Requests);
        Assert.Contains("refused the getLeadList filter 'name'", service.Filters.Reason("name"));

        var (_, other) = Platform(_ => RecordingHandler.Json(400, """{"errorCode":400,"message":"'perPage' does not validate","specificCode":23016,"additionalMessages":["Value must be between 1 and 50"]}"""));
        var error = await Assert.ThrowsAsync<LeadPlatformException>(() => other.FindAsync(new[] { BoardDinner }, 31, CancellationToken.None));
        Assert.Equal(23016, error.PlatformCode);
        Assert.Null(other.Filters.Reason("name"));
    }

    private static (RecordingHandler Handler, IvvyLeadService Service) Platform(Func<string?, HttpResponseMessage> answer)
    {
        RecordingHandler handler = null!;
        handler = new RecordingHandler((_, index) => answer(FilterValue(handler.Requests[index].Body)));
        var connection = TestConnections.Create(LeadPlatform.Ivvy, handler);
        return (handler, connection.IvvyLeads);
    }

    private static string? FilterValue(byte[] body) =>
        (string?)(JObject.Parse(Encoding.UTF8.GetString(body))["filter"] as JObject)?.Properties().FirstOrDefault()?.Value;

    private static HttpResponseMessage Leads(params (long Id, string Name)[] leads)
    {
        var results = new JArray(leads.Select(l => new JObject { ["id"] = l.Id, ["name"] = l.Name }));
        var body = new JObject { ["meta"] = new JObject { ["totalResults"] = leads.Length, ["start"] = 0, ["perPage"] = 100, ["count"] = leads.Length }, ["results"] = results };
        return RecordingHandler.Json(200, body.ToString());
    }
}
