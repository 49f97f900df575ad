using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace LeadPS.Sandbox.Hosting
{
    /// <summary>
    /// Serves requests from memory under a normal HttpClient: everything above the socket (headers,
    /// signing, retries, error mapping) runs exactly as it would against the platform.
    /// </summary>
    public sealed class SandboxMessageHandler : HttpMessageHandler
    {
        private readonly SandboxHost _host;

        public SandboxMessageHandler(SandboxHost host)
        {
            _host = host ?? throw new ArgumentNullException(nameof(host));
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content == null ? new byte[0] : await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }

            var sandboxRequest = new SandboxRequest(request.Method.Method, request.RequestUri!.PathAndQuery, headers, body);
            var exchange = await _host.ProcessAsync(sandboxRequest, cancellationToken).ConfigureAwait(false);
            if (exchange.DropConnection)
            {
                throw new HttpRequestException("The connection was closed before an answer arrived (Sandbox fault).");
            }

            if (exchange.Hang)
            {
                // Like a server that never answers: only the client's timeout or cancellation ends it.
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }

            return ToHttpResponse(exchange.Response!, request);
        }

        private static HttpResponseMessage ToHttpResponse(SandboxResponse response, HttpRequestMessage request)
        {
            var message = new HttpResponseMessage((HttpStatusCode)response.StatusCode)
            {
                RequestMessage = request,
                Content = new ByteArrayContent(Encoding.UTF8.GetBytes(response.Body)),
            };
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(response.ContentType);
            foreach (var header in response.Headers)
            {
                if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value))
                {
                    message.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            return message;
        }
    }
}
