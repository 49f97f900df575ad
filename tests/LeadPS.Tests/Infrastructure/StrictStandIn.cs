using System.Collections.Concurrent;
using System.Text;
using LeadPS.Ivvy;
using LeadPS.Sandbox;
using LeadPS.Sandbox.Hosting;
using Newtonsoft.Json.Linq;

namespace LeadPS.Tests.Infrastructure;

/// <summary>
/// A strict stand-in for either platform's credential check, served over a real loopback socket.
/// It accepts one account, checks every header the platform requires (and iVvy's signature from
/// the raw header values), and records what it saw.
/// </summary>
public sealed class StrictStandIn : ISandboxPlatform, IDisposable
{
    private readonly LeadPlatform _platform;
    private readonly string _user;
    private readonly string _secret;
    private readonly SandboxLoopbackServer _server;

    public StrictStandIn(LeadPlatform platform, string user, string secret)
    {
        _platform = platform;
        _user = user;
        _secret = secret;
        var options = new SandboxOptions();
        _server = new SandboxLoopbackServer(new SandboxHost(this, options, new SandboxClock(), new SandboxRequestLog(1000)));
    }

    /// <summary>The address to give Connect-LeadApi -BaseUri.</summary>
    public Uri BaseUri => _platform == LeadPlatform.Copper ? new Uri(_server.BaseAddress, "developer_api/v1/") : _server.BaseAddress;

    public ConcurrentQueue<SandboxRequest> Received { get; } = new();

    public ConcurrentQueue<string> Problems { get; } = new();

    public SandboxResponse Handle(SandboxRequest request)
    {
        Received.Enqueue(request);
        var problem = _platform == LeadPlatform.Copper ? CheckCopper(request) : CheckIvvy(request);
        if (problem != null)
        {
            Problems.Enqueue(problem);
            return _platform == LeadPlatform.Copper
                ? SandboxResponse.Json(401, new JObject { ["success"] = false, ["status"] = 401, ["message"] = problem })
                : SandboxResponse.Json(401, new JObject { ["errorCode"] = 401, ["message"] = problem, ["specificCode"] = null });
        }

        if (_platform == LeadPlatform.Copper && request.Path.EndsWith("/custom_field_definitions", StringComparison.Ordinal))
        {
            return SandboxResponse.Json(200, new JArray());
        }

        return _platform == LeadPlatform.Copper
            ? SandboxResponse.Json(200, new JObject { ["id"] = 1234, ["name"] = "Stand-in Account" })
            : SandboxResponse.Json(200, new JObject { ["ack"] = true });
    }

    public void Dispose() => _server.Dispose();

    private string? CheckCopper(SandboxRequest request)
    {
        if (request.Method != "GET" || (request.Path != "/developer_api/v1/account" && request.Path != "/developer_api/v1/custom_field_definitions"))
        {
            return $"unexpected {request.Method} {request.Path}";
        }

        if (request.Header("X-PW-Application") != "developer_api")
        {
            return "X-PW-Application must be developer_api";
        }

        if (!string.Equals(request.Header("X-PW-UserEmail"), _user, StringComparison.OrdinalIgnoreCase))
        {
            return "unknown user";
        }

        return request.Header("X-PW-AccessToken") == _secret ? null : "wrong token";
    }

    private string? CheckIvvy(SandboxRequest request)
    {
        if (request.Method != "POST" || request.PathAndQuery != "/api/1.0/test?action=ping")
        {
            return $"unexpected {request.Method} {request.PathAndQuery}";
        }

        var md5 = IvvySignature.ContentMd5(request.Body);
        if (request.Header("Content-MD5") != md5)
        {
            return "Content-MD5 does not match the body";
        }

        if (request.Header("X-Api-Version") != "1.0")
        {
            return "X-Api-Version must be 1.0";
        }

        var date = request.Header("IVVY-Date") ?? string.Empty;
        if (!DateTime.TryParseExact(date, "yyyy-MM-dd HH:mm:ss", null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var sent)
            || Math.Abs((DateTime.UtcNow - sent).TotalMinutes) > 5)
        {
            return "IVVY-Date missing or stale";
        }

        var authorization = request.Header("X-Api-Authorization") ?? string.Empty;
        var expectedPrefix = "IWS " + _user + ":";
        if (!authorization.StartsWith(expectedPrefix, StringComparison.Ordinal))
        {
            return "unknown API key";
        }

        var toSign = IvvySignature.BuildStringToSign(
            request.Method, md5, request.Header("Content-Type") ?? string.Empty, request.PathAndQuery,
            new[] { new KeyValuePair<string, string>("IVVY-Date", date) });
        var expected = IvvySignature.Sign(toSign, Encoding.UTF8.GetBytes(_secret));
        return IvvySignature.SignaturesEqual(expected, authorization.Substring(expectedPrefix.Length)) ? null : "bad signature";
    }
}
