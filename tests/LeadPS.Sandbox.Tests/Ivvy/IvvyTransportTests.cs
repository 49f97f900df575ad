using LeadPS.Sandbox.Hosting;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Ivvy;

public class IvvyTransportTests
{
    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public void Answers_405_to_anything_but_post(string method)
    {
        var reply = new IvvyTestApi().Send(IvvyTestApi.Signed("/api/1.0/test?action=ping", "", IvvyTestApi.CurrentDate, method: method));

        Assert.Equal(405, reply.Status);
        Assert.Equal(405, reply.ErrorCode);
        Assert.Equal("POST", reply.Response.Headers["Allow"]);
    }

    [Fact]
    public void Answers_404_for_an_unknown_namespace()
    {
        var reply = new IvvyTestApi().Post("nothing", "ping");

        Assert.Equal(404, reply.Status);
        Assert.Equal(404, reply.ErrorCode);
        Assert.Contains("namespace 'nothing'", reply.Message);
    }

    [Fact]
    public void Answers_404_for_an_unknown_action()
    {
        var reply = new IvvyTestApi().Post("crm", "getLeadEverything");

        Assert.Equal(404, reply.Status);
        Assert.Contains("action 'getLeadEverything'", reply.Message);
    }

    [Theory]
    [InlineData("/api/2.0/test?action=ping")]
    [InlineData("/v1/test?action=ping")]
    [InlineData("/api/1.0/test/extra?action=ping")]
    public void Answers_404_for_a_path_outside_the_api(string pathAndQuery)
    {
        var reply = new IvvyTestApi().Send(IvvyTestApi.Signed(pathAndQuery, "", IvvyTestApi.CurrentDate));

        Assert.Equal(404, reply.Status);
    }

    [Fact]
    public void Tolerates_a_path_prefix_before_the_api()
    {
        var reply = new IvvyTestApi().Send(IvvyTestApi.Signed("/sandbox/ivvy/api/1.0/test?action=ping", "", IvvyTestApi.CurrentDate));

        Assert.Equal(200, reply.Status);
    }

    [Fact]
    public void Error_bodies_carry_all_four_fields()
    {
        var reply = new IvvyTestApi().AddLead("{}");

        Assert.Equal(
            new[] { "errorCode", "message", "specificCode", "additionalMessages" },
            reply.Body.Properties().Select(p => p.Name));
        Assert.Equal(JTokenType.Array, reply.Body["additionalMessages"]!.Type);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("{} {}")]
    public void Answers_400_for_a_body_that_is_not_a_json_object(string body)
    {
        var reply = new IvvyTestApi().AddLead(body);

        Assert.Equal(400, reply.Status);
        Assert.Null(reply.SpecificCode);
    }

    [Fact]
    public void Never_throws_for_a_null_request()
    {
        var response = new IvvyTestApi().Emulator.Handle(null!);

        Assert.Equal(400, response.StatusCode);
    }

    [Fact]
    public void Answers_json()
    {
        var response = new IvvyTestApi().Emulator.Handle(IvvyTestApi.Signed("/api/1.0/test?action=ping", "", IvvyTestApi.CurrentDate));

        Assert.StartsWith("application/json", response.ContentType);
    }
}
