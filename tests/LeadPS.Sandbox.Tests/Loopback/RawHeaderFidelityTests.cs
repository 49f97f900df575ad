using System.Text;
using LeadPS.Ivvy;

namespace LeadPS.Sandbox.Tests.Loopback;

/// <summary>
/// iVvy signs the Content-Type "exactly as sent": the server must verify the raw header values it
/// received, not a normalised form. Over the socket the values must arrive unaltered.
/// </summary>
public sealed class RawHeaderFidelityTests
{
    private const string Key = "RAWKEY";
    private const string Secret = "raw header secret";

    [Theory]
    [InlineData("application/json;charset=UTF-8")]
    [InlineData("application/json;   charset=utf-8")]
    [InlineData("application/json ; charset=\"utf-8\"")]
    [InlineData("Application/JSON")]
    public async Task A_content_type_is_signed_and_verified_as_sent(string contentType)
    {
        var sandbox = new LeadSandbox(LeadPlatform.Ivvy, new SandboxOptions { IvvyApiKey = Key, IvvyApiSecret = Secret });
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();
        var body = Encoding.UTF8.GetBytes("{\"note\":\"odd spacing\"}");

        var reply = await RawHttp.SendAsync(client, RawHttp.Ivvy(
            server.BaseAddress, "/api/1.0/test?action=ping", body, IvvySignature.FormatDate(DateTimeOffset.UtcNow), Key, Secret, contentType));

        reply.AssertStatus(200);
        var record = Assert.Single(sandbox.Requests.Snapshot());
        Assert.Equal(contentType, record.Headers["Content-Type"]);
        Assert.Equal(IvvySignature.ContentMd5(body), record.Headers["Content-MD5"]);
    }

    [Fact]
    public async Task A_signature_over_another_spelling_of_the_content_type_is_refused()
    {
        // Proves the check above is real: the server signs what it received, so a normalised value breaks it.
        var sandbox = new LeadSandbox(LeadPlatform.Ivvy, new SandboxOptions { IvvyApiKey = Key, IvvyApiSecret = Secret });
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();
        var body = Encoding.UTF8.GetBytes("{}");
        var date = IvvySignature.FormatDate(DateTimeOffset.UtcNow);
        var md5 = IvvySignature.ContentMd5(body);
        var signedFor = IvvySignature.BuildStringToSign("POST", md5, "application/json; charset=utf-8", "/api/1.0/test?action=ping", new[] { KeyValuePair.Create("IVVY-Date", date) });
        var signature = IvvySignature.Sign(signedFor, Encoding.UTF8.GetBytes(Secret));

        var reply = await RawHttp.SendAsync(client, RawHttp.IvvyWithSignature(
            server.BaseAddress, "/api/1.0/test?action=ping", body, md5, date, Key, signature, "application/json;  charset=utf-8"));

        var message = IvvyLoopback.AssertError(reply, 401, specificCode: null);
        Assert.Contains("signature does not match", message);
    }

    [Fact]
    public async Task Custom_and_copper_header_values_reach_the_platform_unaltered()
    {
        var sandbox = new LeadSandbox(LeadPlatform.Copper, new SandboxOptions { RequestsPerMinute = 0 });
        using var server = sandbox.StartLoopback();
        using var client = new HttpClient();
        var request = RawHttp.Copper(HttpMethod.Post, new Uri(sandbox.BaseAddressOf(server), "leads?source=raw%20test"), "{\"name\":\"Raw Header\"}", contentType: "application/json;  charset=UTF-8");
        Assert.True(request.Headers.TryAddWithoutValidation("X-Trace", "a  ,b ;  c=\"d\""));

        var reply = await RawHttp.SendAsync(client, request);

        reply.AssertStatus(200);
        var record = Assert.Single(sandbox.Requests.Snapshot());
        Assert.Equal("application/json;  charset=UTF-8", record.Headers["content-type"]);
        Assert.Equal("a  ,b ;  c=\"d\"", record.Headers["X-TRACE"]);
        Assert.Equal("developer_api", record.Headers["x-pw-application"]);
        Assert.Equal(RawHttp.CopperEmail, record.Headers["X-PW-UserEmail"]);
        Assert.Equal("/developer_api/v1/leads?source=raw%20test", record.PathAndQuery);
    }
}
