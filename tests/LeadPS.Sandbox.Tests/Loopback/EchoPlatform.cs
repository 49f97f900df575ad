using System.Collections.Concurrent;
using System.Globalization;
using LeadPS.Sandbox.Hosting;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Loopback;

/// <summary>
/// A platform that keeps every request it is handed and echoes it back, so transport tests can
/// see exactly what the server parsed. <c>?status=NNN</c> picks the answer's status.
/// </summary>
internal sealed class EchoPlatform : ISandboxPlatform
{
    /// <summary>Non-ASCII on purpose: Content-Length must count bytes, not characters.</summary>
    public const string Greeting = "Grüße, Zoë";

    public ConcurrentQueue<SandboxRequest> Received { get; } = new();

    public SandboxRequest Single => Assert.Single(Received);

    /// <summary>Every request the server handed on, including those a fault kept from the platform.</summary>
    public SandboxRequestLog Log { get; } = new(100);

    /// <summary>A server for this platform with the given faults (none by default); dispose it to stop it.</summary>
    public SandboxLoopbackServer Serve(SandboxFault faults = SandboxFault.None)
    {
        var options = new SandboxOptions { RequestsPerMinute = 0, Faults = faults, FaultRate = faults == SandboxFault.None ? 0 : 1 };
        return new SandboxLoopbackServer(new SandboxHost(this, options, new SandboxClock(), Log));
    }

    public SandboxResponse Handle(SandboxRequest request)
    {
        Received.Enqueue(request);
        var status = request.Query.TryGetValue("status", out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : 200;
        var body = new JObject
        {
            ["method"] = request.Method,
            ["target"] = request.PathAndQuery,
            ["bodyLength"] = request.Body.Length,
            ["greeting"] = Greeting,
        };
        return SandboxResponse.Json(status, body, new Dictionary<string, string> { ["X-Echo"] = "yes" });
    }
}
