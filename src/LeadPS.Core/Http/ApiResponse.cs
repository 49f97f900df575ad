using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;

namespace LeadPS.Http
{
    /// <summary>A platform's answer: status, headers (names case-insensitive) and the body text.</summary>
    public sealed class ApiResponse
    {
        public ApiResponse(int statusCode, string body, IReadOnlyDictionary<string, string>? headers = null)
        {
            StatusCode = statusCode;
            Body = body ?? string.Empty;
            Headers = headers ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        }

        public int StatusCode { get; }

        public string Body { get; }

        public IReadOnlyDictionary<string, string> Headers { get; }

        public bool IsSuccessStatusCode => StatusCode >= 200 && StatusCode < 300;

        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

        internal static async Task<ApiResponse> ReadAsync(HttpResponseMessage message)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in message.Headers.Concat(message.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }

            var body = message.Content == null ? string.Empty : await message.Content.ReadAsStringAsync().ConfigureAwait(false);
            return new ApiResponse((int)message.StatusCode, body, headers);
        }
    }
}
