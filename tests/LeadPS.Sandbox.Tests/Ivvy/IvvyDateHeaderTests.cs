using System.Text;
using LeadPS.Ivvy;
using LeadPS.Sandbox.Hosting;
using LeadPS.Sandbox.Ivvy;

namespace LeadPS.Sandbox.Tests.Ivvy;

/// <summary>A standard Date header instead of IVVY-Date (api/ivvy.md, "Beyond the seeds"), in the forms clients write it.</summary>
public class IvvyDateHeaderTests
{
    private const string PingPath = "/api/1.0/test?action=ping";
    private static readonly DateTimeOffset ServerNow = new(2012, 4, 3, 22, 23, 24, TimeSpan.Zero);

    [Theory]
    [InlineData("Tue, 03 Apr 2012 22:23:24 GMT")]
    [InlineData("Tue, 03 Apr 2012 22:23:24 UTC")]
    [InlineData("Tue, 03 Apr, 2012 22:23:24 utc")]
    [InlineData("Tue, 3 Apr 2012 22:21:00 GMT")]
    [InlineData("2012-04-03 22:23:24")]
    public void A_Date_header_signed_in_step_4_is_accepted(string date)
    {
        var reply = Send(date, signedDate: date);

        Assert.Equal(200, reply.Status);
        Assert.Equal("2012-04-03 22:23:24 UTC", (string?)reply.Body["ack"]);
    }

    [Fact]
    public void A_Date_header_left_out_of_the_signature_is_refused()
    {
        var reply = Send("Tue, 03 Apr 2012 22:23:24 GMT", signedDate: string.Empty);

        Assert.Equal(401, reply.Status);
        Assert.Contains("signature does not match", reply.Message);
    }

    [Fact]
    public void A_Date_header_that_is_not_a_date_is_refused_naming_the_header()
    {
        var reply = Send("yesterday", signedDate: "yesterday");

        Assert.Equal(401, reply.Status);
        Assert.Contains("Date header must be an HTTP date", reply.Message);
    }

    private static IvvyReply Send(string date, string signedDate)
    {
        var emulator = new IvvyEmulator(new SandboxOptions { IvvyApiSecret = "my secret key" }, new SandboxClock(wallClock: () => ServerNow));
        var md5 = IvvySignature.ContentMd5(Array.Empty<byte>());
        var stringToSign = IvvySignature.BuildStringToSign("POST", md5, "application/json", signedDate, PingPath, Array.Empty<KeyValuePair<string, string>>());
        var headers = new Dictionary<string, string>
        {
            ["Content-Type"] = "application/json",
            ["Content-MD5"] = md5,
            ["Date"] = date,
            ["X-Api-Authorization"] = IvvySignature.AuthorizationValue("KEY", IvvySignature.Sign(stringToSign, Encoding.UTF8.GetBytes("my secret key"))),
        };
        return new IvvyReply(emulator.Handle(new SandboxRequest("POST", PingPath, headers, Array.Empty<byte>())));
    }
}
