using System.Text;
using LeadPS.Sandbox.Hosting;
using LeadPS.Sandbox.Ivvy;

namespace LeadPS.Sandbox.Tests.Ivvy;

public class IvvySignatureVerificationTests
{
    private const string PingPath = "/api/1.0/test?action=ping";

    [Fact]
    public void Accepts_ivvys_own_signing_example()
    {
        // Vector 1 of ivvy.md, byte for byte, with the server's wall clock at the example's date.
        var exampleDate = new DateTimeOffset(2012, 4, 3, 22, 23, 24, TimeSpan.Zero);
        var options = new SandboxOptions { IvvyApiSecret = "my secret key" };
        var emulator = new IvvyEmulator(options, new SandboxClock(wallClock: () => exampleDate));
        var request = new SandboxRequest("POST", PingPath, new Dictionary<string, string>
        {
            ["Content-Type"] = "application/json",
            ["Content-MD5"] = "a09f600c77a6dbd947db24c61e8935ca",
            ["IVVY-Date"] = "2012-04-03 22:23:24",
            ["X-Api-Version"] = "1.0",
            ["X-Api-Authorization"] = "IWS EXAMPLEKEY:74af7ec6fec55dc88543e05096c69cebaf391eb9",
        }, Encoding.UTF8.GetBytes("{\"example\":\"body\"}"));

        var reply = new IvvyReply(emulator.Handle(request));

        Assert.Equal(200, reply.Status);
        Assert.NotNull(reply.Body["ack"]);
    }

    [Fact]
    public void Accepts_the_empty_body_example_with_charset_and_utc_suffix()
    {
        // Vector 3 of ivvy.md; here the server clock is moved with an offset instead of a frozen wall clock.
        var offset = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero) - DateTimeOffset.UtcNow;
        var options = new SandboxOptions { IvvyApiKey = "TESTKEY1", IvvyApiSecret = "testsecret1" };
        var emulator = new IvvyEmulator(options, new SandboxClock(offset: offset));
        var request = new SandboxRequest("POST", PingPath, new Dictionary<string, string>
        {
            ["Content-Type"] = "application/json; charset=utf-8",
            ["Content-MD5"] = "d41d8cd98f00b204e9800998ecf8427e",
            ["IVVY-Date"] = "2024-01-02 03:04:05 UTC",
            ["X-Api-Version"] = "1.0",
            ["X-Api-Authorization"] = "IWS TESTKEY1:f5fa54c0ecb2284175481ce9a06f24c9166dd0e3",
        }, Array.Empty<byte>());

        var reply = new IvvyReply(emulator.Handle(request));

        Assert.Equal(200, reply.Status);
        Assert.NotNull(reply.Body["ack"]);
    }

    [Fact]
    public void Ping_answers_an_ack_with_the_server_timestamp()
    {
        var reply = new IvvyTestApi().Post("test", "ping");

        Assert.Equal(200, reply.Status);
        Assert.Equal("2026-03-04 10:20:30 UTC", (string?)reply.Body["ack"]);
    }

    [Fact]
    public void Refuses_a_signature_made_with_another_secret()
    {
        var api = new IvvyTestApi();
        var reply = api.Send(IvvyTestApi.Signed(PingPath, "", IvvyTestApi.CurrentDate, secret: "not the secret"));

        AssertUnauthorized(reply, "signature does not match");
    }

    [Fact]
    public void Refuses_a_tampered_body_even_with_the_original_headers()
    {
        var api = new IvvyTestApi();
        var signed = IvvyTestApi.Signed("/api/1.0/contact?action=addOrUpdateLead", "{\"name\":\"A\"}", IvvyTestApi.CurrentDate);
        var tampered = new SandboxRequest(signed.Method, signed.PathAndQuery, signed.Headers, Encoding.UTF8.GetBytes("{\"name\":\"B\"}"));

        var reply = api.Send(tampered);

        AssertUnauthorized(reply, "Content-MD5");
        Assert.Empty(api.Emulator.Leads);
    }

    [Fact]
    public void Refuses_a_tampered_body_whose_md5_was_recomputed_but_not_re_signed()
    {
        var api = new IvvyTestApi();
        var signed = IvvyTestApi.Signed("/api/1.0/test?action=ping", "{\"a\":1}", IvvyTestApi.CurrentDate);
        var body = Encoding.UTF8.GetBytes("{\"a\":2}");
        var headers = new Dictionary<string, string>(signed.Headers) { ["Content-MD5"] = LeadPS.Ivvy.IvvySignature.ContentMd5(body) };

        var reply = api.Send(new SandboxRequest("POST", signed.PathAndQuery, headers, body));

        AssertUnauthorized(reply, "signature does not match");
    }

    [Fact]
    public void Refuses_a_tampered_query()
    {
        var api = new IvvyTestApi();
        var signed = IvvyTestApi.Signed("/api/1.0/crm?action=getLeadList", "", IvvyTestApi.CurrentDate);

        var reply = api.Send(new SandboxRequest("POST", "/api/1.0/crm?action=getLeadSourceList", signed.Headers, signed.Body));

        AssertUnauthorized(reply, "signature does not match");
    }

    [Fact]
    public void Refuses_a_key_other_than_the_configured_one()
    {
        var reply = new IvvyTestApi().Send(IvvyTestApi.Signed(PingPath, "", IvvyTestApi.CurrentDate, key: "SOMEONEELSE"));

        AssertUnauthorized(reply, "API key is not recognised");
    }

    [Fact]
    public void Accepts_any_key_when_none_is_configured()
    {
        var reply = new IvvyTestApi(acceptedKey: null).Send(IvvyTestApi.Signed(PingPath, "", IvvyTestApi.CurrentDate, key: "ANYKEY"));

        Assert.Equal(200, reply.Status);
    }

    [Theory]
    [InlineData("X-Api-Authorization", "X-Api-Authorization header is missing")]
    [InlineData("Content-MD5", "Content-MD5 header is missing")]
    [InlineData("IVVY-Date", "no date: send an IVVY-Date or a Date header")]
    public void Refuses_a_request_without_a_signing_header(string header, string expectedMessage)
    {
        var signed = IvvyTestApi.Signed(PingPath, "", IvvyTestApi.CurrentDate);
        var headers = new Dictionary<string, string>(signed.Headers);
        headers.Remove(header);

        var reply = new IvvyTestApi().Send(new SandboxRequest("POST", PingPath, headers, signed.Body));

        AssertUnauthorized(reply, expectedMessage);
    }

    [Theory]
    [InlineData("Bearer abc")]
    [InlineData("IWS nokeyorsignature")]
    [InlineData("IWS key:")]
    [InlineData("IWS :signature")]
    public void Refuses_a_malformed_authorization_header(string value)
    {
        var signed = IvvyTestApi.Signed(PingPath, "", IvvyTestApi.CurrentDate);
        var headers = new Dictionary<string, string>(signed.Headers) { ["X-Api-Authorization"] = value };

        var reply = new IvvyTestApi().Send(new SandboxRequest("POST", PingPath, headers, signed.Body));

        AssertUnauthorized(reply, "'IWS {apiKey}:{signature}'");
    }

    [Fact]
    public void Refuses_another_api_version_even_when_signed_with_it()
    {
        // The version is the one in the path (1.0); a request signed over another fails the signature.
        var reply = new IvvyTestApi().Send(IvvyTestApi.Signed(PingPath, "", IvvyTestApi.CurrentDate, apiVersion: "2.0"));

        AssertUnauthorized(reply, "signature does not match");
    }

    [Theory]
    [InlineData(6)]
    [InlineData(-6)]
    public void Refuses_a_request_more_than_five_minutes_off_as_stale(int minutes)
    {
        var date = LeadPS.Ivvy.IvvySignature.FormatDate(IvvyTestApi.Now.AddMinutes(minutes));

        var reply = new IvvyTestApi().Send(IvvyTestApi.Signed(PingPath, "", date));

        Assert.Equal(401, reply.Status);
        Assert.Equal(401, reply.ErrorCode);
        Assert.Equal(23005, reply.SpecificCode);
    }

    [Theory]
    [InlineData(299)]
    [InlineData(-299)]
    [InlineData(300)]
    public void Accepts_a_request_up_to_five_minutes_off(int seconds)
    {
        var date = LeadPS.Ivvy.IvvySignature.FormatDate(IvvyTestApi.Now.AddSeconds(seconds));

        var reply = new IvvyTestApi().Send(IvvyTestApi.Signed(PingPath, "", date));

        Assert.Equal(200, reply.Status);
    }

    [Fact]
    public void Measures_staleness_against_the_offset_clock()
    {
        // The server runs 10 minutes ahead: a client on true time is stale, one matching the server is not.
        var api = new IvvyTestApi(offset: TimeSpan.FromMinutes(10));

        var onTrueTime = api.Send(IvvyTestApi.Signed(PingPath, "", IvvyTestApi.CurrentDate));
        var onServerTime = api.Send(IvvyTestApi.Signed(PingPath, "", LeadPS.Ivvy.IvvySignature.FormatDate(IvvyTestApi.Now.AddMinutes(10))));

        Assert.Equal(23005, onTrueTime.SpecificCode);
        Assert.Equal(200, onServerTime.Status);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-03-04T10:20:30Z")]
    [InlineData("04/03/2026 10:20:30")]
    public void Refuses_an_unparseable_date(string date)
    {
        var reply = new IvvyTestApi().Send(IvvyTestApi.Signed(PingPath, "", date));

        AssertUnauthorized(reply, "IVVY-Date header must be");
    }

    [Fact]
    public void Never_echoes_the_secret_or_the_expected_signature()
    {
        var api = new IvvyTestApi();
        var good = IvvyTestApi.Signed(PingPath, "", IvvyTestApi.CurrentDate);
        var expectedSignature = good.Headers["X-Api-Authorization"].Split(':')[1];
        var headers = new Dictionary<string, string>(good.Headers) { ["X-Api-Authorization"] = "IWS " + IvvyTestApi.ApiKey + ":0000" };

        var reply = api.Send(new SandboxRequest("POST", PingPath, headers, good.Body));

        Assert.Equal(401, reply.Status);
        Assert.DoesNotContain(IvvyTestApi.Secret, reply.Response.Body);
        Assert.DoesNotContain(expectedSignature, reply.Response.Body);
    }

    [Fact]
    public void Signs_over_every_ivvy_header()
    {
        // An IVVY-* header added after signing changes the string to sign.
        var signed = IvvyTestApi.Signed(PingPath, "", IvvyTestApi.CurrentDate);
        var headers = new Dictionary<string, string>(signed.Headers) { ["IVVY-Extra"] = "x" };

        var reply = new IvvyTestApi().Send(new SandboxRequest("POST", PingPath, headers, signed.Body));

        AssertUnauthorized(reply, "signature does not match");
    }

    private static void AssertUnauthorized(IvvyReply reply, string messagePart)
    {
        Assert.Equal(401, reply.Status);
        Assert.Equal(401, reply.ErrorCode);
        Assert.Null(reply.SpecificCode);
        Assert.Contains(messagePart, reply.Message);
    }
}
