using System.Net.Http.Headers;
using System.Text;
using LeadPS.Ivvy;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Loopback;

/// <summary>
/// Hand-built requests for the conformance suite: every header is set by the test, bodies are the
/// exact bytes given, and nothing from LeadPS.Core's client pipeline is involved (only the pure
/// <see cref="IvvySignature"/> functions, to sign what is sent).
/// </summary>
internal static class RawHttp
{
    public const string CopperEmail = "runbook@example.test";
    public const string CopperToken = "copper-token-0123456789";

    /// <summary>A Copper request with the three auth headers; a body gets an explicit Content-Type.</summary>
    public static HttpRequestMessage Copper(
        HttpMethod method,
        Uri address,
        string? body = null,
        string token = CopperToken,
        string email = CopperEmail,
        string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, address);
        Assert.True(request.Headers.TryAddWithoutValidation("X-PW-AccessToken", token));
        Assert.True(request.Headers.TryAddWithoutValidation("X-PW-Application", "developer_api"));
        Assert.True(request.Headers.TryAddWithoutValidation("X-PW-UserEmail", email));
        if (body != null)
        {
            request.Content = Bytes(Encoding.UTF8.GetBytes(body), contentType);
        }

        return request;
    }

    /// <summary>Serializes a JSON body once, compactly, as a client would.</summary>
    public static string Json(JToken body) => body.ToString(Formatting.None);

    /// <summary>
    /// An iVvy request signed over exactly <paramref name="body"/> with the given raw header values.
    /// <paramref name="sentBody"/>, when given, replaces the bytes put on the wire after signing (tampering).
    /// </summary>
    public static HttpRequestMessage Ivvy(
        Uri baseAddress,
        string pathAndQuery,
        byte[] body,
        string date,
        string key,
        string secret,
        string contentType = "application/json",
        byte[]? sentBody = null,
        bool sendApiVersion = true)
    {
        var md5 = IvvySignature.ContentMd5(body);
        var stringToSign = IvvySignature.BuildStringToSign(
            "POST",
            md5,
            contentType,
            pathAndQuery,
            new[] { new KeyValuePair<string, string>(IvvySignature.DateHeader, date) });
        var signature = IvvySignature.Sign(stringToSign, Encoding.UTF8.GetBytes(secret));
        return IvvyWithSignature(baseAddress, pathAndQuery, sentBody ?? body, md5, date, key, signature, contentType, sendApiVersion);
    }

    /// <summary>An iVvy request carrying exactly the given Content-MD5 and signature (for the documented vectors).</summary>
    public static HttpRequestMessage IvvyWithSignature(
        Uri baseAddress,
        string pathAndQuery,
        byte[] body,
        string contentMd5,
        string date,
        string key,
        string signature,
        string contentType = "application/json",
        bool sendApiVersion = true)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, pathAndQuery));
        request.Content = Bytes(body, contentType);
        Assert.True(request.Content.Headers.TryAddWithoutValidation("Content-MD5", contentMd5));
        Assert.True(request.Headers.TryAddWithoutValidation(IvvySignature.DateHeader, date));
        if (sendApiVersion)
        {
            Assert.True(request.Headers.TryAddWithoutValidation("X-Api-Version", IvvySignature.ApiVersion));
        }

        Assert.True(request.Headers.TryAddWithoutValidation("X-Api-Authorization", IvvySignature.AuthorizationValue(key, signature)));
        return request;
    }

    /// <summary>The exact bytes, with the Content-Type value stored unparsed so it goes out as written.</summary>
    public static ByteArrayContent Bytes(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        Assert.True(content.Headers.TryAddWithoutValidation("Content-Type", contentType));
        return content;
    }

    public static async Task<RawReply> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using (request)
        using (var response = await client.SendAsync(request))
        {
            var text = await response.Content.ReadAsStringAsync();
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }

            return new RawReply((int)response.StatusCode, text, headers);
        }
    }
}

/// <summary>An answer as it came off the wire: status, body text and headers.</summary>
internal sealed class RawReply
{
    public RawReply(int status, string text, IReadOnlyDictionary<string, string> headers)
    {
        Status = status;
        Text = text;
        Headers = headers;
    }

    public int Status { get; }

    public string Text { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body parsed without turning date-like strings into dates.</summary>
    public JToken Json
    {
        get
        {
            using var reader = new JsonTextReader(new StringReader(Text)) { DateParseHandling = DateParseHandling.None };
            return JToken.ReadFrom(reader);
        }
    }

    public JObject Object => Assert.IsType<JObject>(Json);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public RawReply AssertStatus(int status)
    {
        Assert.True(Status == status, $"expected {status}, got {Status}: {Text}");
        return this;
    }

    public override string ToString() => Status + " " + Text;
}
