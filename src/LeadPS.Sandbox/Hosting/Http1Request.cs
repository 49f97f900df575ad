using System.Collections.Generic;

namespace LeadPS.Sandbox.Hosting
{
    /// <summary>One HTTP/1.x request as read off a connection, with what the connection does next.</summary>
    internal sealed class Http1Request
    {
        public Http1Request(string method, string target, IReadOnlyDictionary<string, string> headers, byte[] body, bool keepAlive)
        {
            Method = method;
            Target = target;
            Headers = headers;
            Body = body;
            KeepAlive = keepAlive;
        }

        /// <summary>The method exactly as sent (HTTP methods are case-sensitive).</summary>
        public string Method { get; }

        /// <summary>The path and query exactly as sent (an absolute-form target is cut to its path and query).</summary>
        public string Target { get; }

        /// <summary>Names as first received, case-insensitive; values as received, repeated headers joined with ", ".</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        /// <summary>The body bytes, de-chunked when sent chunked.</summary>
        public byte[] Body { get; }

        /// <summary>Whether the connection stays open for another request after the answer.</summary>
        public bool KeepAlive { get; }

        public SandboxRequest ToSandboxRequest() => new SandboxRequest(Method, Target, Headers, Body);
    }
}
