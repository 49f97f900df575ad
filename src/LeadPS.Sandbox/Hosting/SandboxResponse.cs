using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Hosting
{
    /// <summary>What an emulated platform answers: a status, extra headers and a body (JSON text).</summary>
    public sealed class SandboxResponse
    {
        public SandboxResponse(int statusCode, string body, IDictionary<string, string>? headers = null)
        {
            StatusCode = statusCode;
            Body = body ?? string.Empty;
            Headers = headers ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        }

        public int StatusCode { get; }

        public string Body { get; }

        public IDictionary<string, string> Headers { get; }

        public string ContentType { get; set; } = "application/json; charset=utf-8";

        /// <summary>A JSON response; the payload is serialized compactly.</summary>
        public static SandboxResponse Json(int statusCode, JToken payload, IDictionary<string, string>? headers = null) =>
            new SandboxResponse(statusCode, payload.ToString(Formatting.None), headers);
    }
}
