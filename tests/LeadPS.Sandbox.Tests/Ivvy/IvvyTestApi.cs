using System.Text;
using LeadPS.Ivvy;
using LeadPS.Sandbox.Hosting;
using LeadPS.Sandbox.Ivvy;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Ivvy;

/// <summary>
/// An emulator on a frozen wall clock, and requests signed the way the client signs them (with
/// <see cref="IvvySignature"/>), so every test talks to it through the raw request path.
/// </summary>
internal sealed class IvvyTestApi
{
    public const string ApiKey = "SANDBOXKEY1";
    public const string Secret = "sandbox test secret";
    public static readonly DateTimeOffset Now = new(2026, 3, 4, 10, 20, 30, TimeSpan.Zero);

    public IvvyTestApi(string? acceptedKey = ApiKey, TimeSpan offset = default)
    {
        Options = new SandboxOptions { IvvyApiKey = acceptedKey, IvvyApiSecret = Secret };
        Clock = new SandboxClock(offset: offset, wallClock: () => Now);
        Emulator = new IvvyEmulator(Options, Clock);
    }

    public SandboxOptions Options { get; }

    public SandboxClock Clock { get; }

    public IvvyEmulator Emulator { get; }

    /// <summary>Builds a request signed like the client does; every part can be overridden to break it.</summary>
    public static SandboxRequest Signed(
        string pathAndQuery,
        string body,
        string date,
        string key = ApiKey,
        string secret = Secret,
        string contentType = "application/json",
        string method = "POST",
        string apiVersion = "1.0")
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var md5 = IvvySignature.ContentMd5(bytes);
        var headers = new Dictionary<string, string>
        {
            ["Content-Type"] = contentType,
            ["Content-MD5"] = md5,
            [IvvySignature.DateHeader] = date,
            ["X-Api-Version"] = apiVersion,
        };
        var stringToSign = IvvySignature.BuildStringToSign(method, md5, contentType, pathAndQuery, headers, apiVersion);
        var signature = IvvySignature.Sign(stringToSign, Encoding.UTF8.GetBytes(secret));
        headers["X-Api-Authorization"] = IvvySignature.AuthorizationValue(key, signature);
        return new SandboxRequest(method, pathAndQuery, headers, bytes);
    }

    public static string CurrentDate => IvvySignature.FormatDate(Now);

    public IvvyReply Send(SandboxRequest request) => new(Emulator.Handle(request));

    public IvvyReply Post(string ns, string action, string body = "") =>
        Send(Signed("/api/1.0/" + ns + "?action=" + action, body, CurrentDate));

    public IvvyReply Post(string ns, string action, JObject body) =>
        Post(ns, action, body.ToString(Newtonsoft.Json.Formatting.None));

    public IvvyReply AddLead(string body) => Post("contact", "addOrUpdateLead", body);

    public IvvyReply AddLead(JObject body) => Post("contact", "addOrUpdateLead", body);

    public IvvyReply LeadList(string body = "") => Post("crm", "getLeadList", body);

    /// <summary>A contact lead that passes every rule; tests change one thing at a time.</summary>
    public static JObject ValidContactLead(string name = "Spring conference") => new()
    {
        ["name"] = name,
        ["contactId"] = IvvySeedIds.ContactJackTaylor,
        ["industryId"] = IvvySeedIds.IndustryTechnology,
        ["sourceId"] = IvvySeedIds.SourceWebsite,
        ["typeId"] = IvvySeedIds.TypeReseller,
        ["stageId"] = IvvySeedIds.StageNew,
    };

    /// <summary>A company lead that passes every rule.</summary>
    public static JObject ValidCompanyLead(string name = "Harbourside gala") => new()
    {
        ["name"] = name,
        ["companyId"] = IvvySeedIds.CompanyHarbourside,
        ["companyLeadContactId"] = IvvySeedIds.ContactOliviaChen,
        ["sourceId"] = IvvySeedIds.SourceReferral,
        ["typeId"] = IvvySeedIds.TypeSocialEvent,
        ["stageId"] = IvvySeedIds.StageContacted,
    };
}
