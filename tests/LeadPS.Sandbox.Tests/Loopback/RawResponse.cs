using System.Text;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Loopback;

/// <summary>One answer read off a raw connection: the status line, the headers in order and the body bytes.</summary>
internal sealed class RawResponse
{
    public RawResponse(string statusLine, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body)
    {
        StatusLine = statusLine;
        Headers = headers;
        Body = body;
    }

    public string StatusLine { get; }

    public int Status => int.Parse(StatusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);

    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    public byte[] Body { get; }

    public string Text => Encoding.UTF8.GetString(Body);

    public JObject Object => JObject.Parse(Text);

    /// <summary>The one value of a header; fails if it is missing or repeated.</summary>
    public string Header(string name) =>
        Assert.Single(Headers, h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public bool Has(string name) => Headers.Any(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));

    public RawResponse AssertOk()
    {
        Assert.True(Status == 200, "expected 200, got " + this);
        return this;
    }

    public override string ToString() => StatusLine + " " + Text;
}
