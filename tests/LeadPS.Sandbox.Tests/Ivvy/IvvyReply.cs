using LeadPS.Sandbox.Hosting;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Ivvy;

/// <summary>An emulator answer with its JSON body parsed, plus shortcuts for iVvy's error fields.</summary>
internal sealed class IvvyReply
{
    public IvvyReply(SandboxResponse response)
    {
        Response = response;
        Status = response.StatusCode;
        Body = JObject.Parse(response.Body);
    }

    public SandboxResponse Response { get; }

    public int Status { get; }

    public JObject Body { get; }

    public int? ErrorCode => (int?)Body["errorCode"];

    public int? SpecificCode => Body["specificCode"]?.Type == JTokenType.Integer ? (int)Body["specificCode"]! : null;

    public string? Message => (string?)Body["message"];

    public IReadOnlyList<string> AdditionalMessages =>
        (Body["additionalMessages"] as JArray)?.Select(m => (string)m!).ToArray() ?? Array.Empty<string>();

    public long Id => (long)Body["id"]!;

    public JArray Results => (JArray)Body["results"]!;

    public JObject Meta => (JObject)Body["meta"]!;

    public override string ToString() => Status + " " + Response.Body;
}
