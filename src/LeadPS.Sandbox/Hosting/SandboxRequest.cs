using System;
using System.Collections.Generic;
using System.Text;

namespace LeadPS.Sandbox.Hosting
{
    /// <summary>
    /// One request as the emulator sees it, whether it came through the in-memory handler or a
    /// loopback socket: raw header values and the exact body bytes, so signatures can be checked.
    /// </summary>
    public sealed class SandboxRequest
    {
        public SandboxRequest(string method, string pathAndQuery, IReadOnlyDictionary<string, string> headers, byte[] body)
        {
            Method = (method ?? throw new ArgumentNullException(nameof(method))).ToUpperInvariant();
            PathAndQuery = pathAndQuery ?? throw new ArgumentNullException(nameof(pathAndQuery));
            var copy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (headers != null)
            {
                foreach (var header in headers)
                {
                    copy[header.Key] = header.Value;
                }
            }

            Headers = copy;
            Body = body ?? new byte[0];

            var queryStart = PathAndQuery.IndexOf('?');
            Path = queryStart < 0 ? PathAndQuery : PathAndQuery.Substring(0, queryStart);
            Query = ParseQuery(queryStart < 0 ? string.Empty : PathAndQuery.Substring(queryStart + 1));
        }

        /// <summary>Upper-case HTTP method.</summary>
        public string Method { get; }

        /// <summary>Path and query exactly as sent, without scheme and host, e.g. <c>/api/1.0/test?action=ping</c>.</summary>
        public string PathAndQuery { get; }

        /// <summary>The path without the query, e.g. <c>/developer_api/v1/leads/upsert</c>.</summary>
        public string Path { get; }

        /// <summary>Query parameters, unescaped; names are case-insensitive.</summary>
        public IReadOnlyDictionary<string, string> Query { get; }

        /// <summary>Header values as received (content headers included), names case-insensitive.</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        /// <summary>The exact body bytes.</summary>
        public byte[] Body { get; }

        public string BodyText => Encoding.UTF8.GetString(Body);

        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

        private static IReadOnlyDictionary<string, string> ParseQuery(string query)
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in query.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=');
                var name = Uri.UnescapeDataString(equals < 0 ? pair : pair.Substring(0, equals));
                var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair.Substring(equals + 1).Replace('+', ' '));
                result[name] = value;
            }

            return result;
        }
    }
}
