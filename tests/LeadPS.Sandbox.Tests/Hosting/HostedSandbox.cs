using System.Text;
using LeadPS.Ivvy;
using LeadPS.Sandbox.Hosting;
using LeadPS.Sandbox.Tests.Loopback;

namespace LeadPS.Sandbox.Tests.Hosting;

/// <summary>The two ways a Sandbox is served: from memory under an HttpClient, or on a loopback socket.</summary>
public enum Transport
{
    InMemory,
    Loopback,
}

/// <summary>
/// A sandbox served over one transport, with a plain HttpClient pointed at it. Disposing it
/// disposes the client and stops the loopback server, if any.
/// </summary>
internal sealed class HostedSandbox : IDisposable
{
    public const string IvvyKey = "HOSTKEY";
    public const string IvvySecret = "host test secret";

    private readonly SandboxLoopbackServer? _server;

    private HostedSandbox(LeadSandbox sandbox, Transport transport, TimeSpan? timeout)
    {
        Sandbox = sandbox;
        Transport = transport;
        if (transport == Transport.Loopback)
        {
            _server = sandbox.StartLoopback();
            Client = new HttpClient();
            BaseAddress = sandbox.BaseAddressOf(_server);
        }
        else
        {
            Client = new HttpClient(sandbox.CreateHandler());
            BaseAddress = sandbox.InMemoryBaseAddress;
        }

        if (timeout != null)
        {
            Client.Timeout = timeout.Value;
        }
    }

    public LeadSandbox Sandbox { get; }

    public Transport Transport { get; }

    public HttpClient Client { get; }

    /// <summary>For Copper the API root (<c>.../developer_api/v1/</c>); for iVvy the platform address.</summary>
    public Uri BaseAddress { get; }

    public static HostedSandbox Copper(Transport transport, SandboxOptions options, TimeSpan? timeout = null) =>
        new HostedSandbox(new LeadSandbox(LeadPlatform.Copper, options), transport, timeout);

    public static HostedSandbox Ivvy(Transport transport, SandboxOptions options, TimeSpan? timeout = null)
    {
        options.IvvyApiKey = IvvyKey;
        options.IvvyApiSecret = IvvySecret;
        return new HostedSandbox(new LeadSandbox(LeadPlatform.Ivvy, options), transport, timeout);
    }

    public Uri Address(string relative) => new Uri(BaseAddress, relative);

    /// <summary>A Copper request with valid auth headers.</summary>
    public HttpRequestMessage CopperRequest(HttpMethod method, string relative, string? body = null, string token = RawHttp.CopperToken)
    {
        var request = RawHttp.Copper(method, Address(relative), body, token);

        // One connection per request: a pooled connection that a fault killed could make the
        // client resend silently, and the fault sequence would no longer be one request each.
        request.Headers.ConnectionClose = true;
        return request;
    }

    /// <summary>An iVvy request signed now over exactly <paramref name="body"/>.</summary>
    public HttpRequestMessage IvvyRequest(string pathAndQuery, string body, string contentType = "application/json")
    {
        var request = RawHttp.Ivvy(
            BaseAddress, pathAndQuery, Encoding.UTF8.GetBytes(body), IvvySignature.FormatDate(DateTimeOffset.UtcNow), IvvyKey, IvvySecret, contentType);
        request.Headers.ConnectionClose = true;
        return request;
    }

    public Task<RawReply> SendAsync(HttpRequestMessage request) => RawHttp.SendAsync(Client, request);

    public void Dispose()
    {
        Client.Dispose();
        _server?.Dispose();
    }
}
