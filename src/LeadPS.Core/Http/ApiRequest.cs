using System;
using System.Net.Http;
using System.Text;

namespace LeadPS.Http
{
    /// <summary>
    /// One call to a platform, before authentication. The JSON body is serialized once, here, so
    /// the bytes that are signed are the bytes that are sent, on every attempt.
    /// </summary>
    public sealed class ApiRequest
    {
        private static readonly byte[] NoBody = new byte[0];

        public ApiRequest(HttpMethod method, string path, string? jsonBody = null, bool isIdempotent = false)
        {
            Method = method ?? throw new ArgumentNullException(nameof(method));
            Path = (path ?? throw new ArgumentNullException(nameof(path))).TrimStart('/');
            JsonBody = jsonBody;
            Body = jsonBody == null ? NoBody : new UTF8Encoding(false).GetBytes(jsonBody);
            IsIdempotent = isIdempotent || method == HttpMethod.Get;
        }

        public HttpMethod Method { get; }

        /// <summary>Path and query relative to the connection's base address, e.g. <c>leads/upsert</c>.</summary>
        public string Path { get; }

        public string? JsonBody { get; }

        /// <summary>The exact body bytes (empty when there is no body).</summary>
        public byte[] Body { get; }

        /// <summary>
        /// True when sending the request twice has the same effect as sending it once, so a failure
        /// after it may have reached the server can be retried without risking a duplicate lead.
        /// </summary>
        public bool IsIdempotent { get; }

        /// <summary><c>METHOD /path</c>, for messages; never carries headers or bodies.</summary>
        public override string ToString() => Method.Method + " /" + Path;
    }
}
