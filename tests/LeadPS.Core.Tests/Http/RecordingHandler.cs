using System.Net;
using System.Text;

namespace LeadPS.Core.Tests.Http;

/// <summary>An HttpMessageHandler stand-in: records each request (with its body bytes) and answers from a script.</summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, int, HttpResponseMessage> _answer;

    public RecordingHandler(Func<HttpRequestMessage, int, HttpResponseMessage> answer)
    {
        _answer = answer;
    }

    public List<(HttpRequestMessage Request, byte[] Body)> Requests { get; } = new();

    public static HttpResponseMessage Json(int status, string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content == null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        int index;
        lock (Requests)
        {
            Requests.Add((request, body));
            index = Requests.Count - 1;
        }

        return _answer(request, index);
    }
}
