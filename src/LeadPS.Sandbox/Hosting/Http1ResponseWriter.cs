using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LeadPS.Sandbox.Hosting
{
    /// <summary>Turns a <see cref="SandboxResponse"/> into one HTTP/1.1 message with a Content-Length body.</summary>
    internal static class Http1ResponseWriter
    {
        // Framing is the server's: a second Content-Length or a Transfer-Encoding from a platform
        // would make the client read the body wrongly, and Content-Type comes from ContentType.
        private static readonly HashSet<string> ServerHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Content-Type",
            "Content-Length",
            "Transfer-Encoding",
            "Connection",
        };

        private static readonly Dictionary<int, string> Reasons = new Dictionary<int, string>
        {
            [200] = "OK",
            [201] = "Created",
            [202] = "Accepted",
            [204] = "No Content",
            [301] = "Moved Permanently",
            [302] = "Found",
            [304] = "Not Modified",
            [400] = "Bad Request",
            [401] = "Unauthorized",
            [403] = "Forbidden",
            [404] = "Not Found",
            [405] = "Method Not Allowed",
            [406] = "Not Acceptable",
            [408] = "Request Timeout",
            [409] = "Conflict",
            [410] = "Gone",
            [411] = "Length Required",
            [413] = "Content Too Large",
            [415] = "Unsupported Media Type",
            [417] = "Expectation Failed",
            [422] = "Unprocessable Entity",
            [429] = "Too Many Requests",
            [431] = "Request Header Fields Too Large",

            // iVvy's own codes.
            [460] = "Unknown",
            [461] = "Failed Request",
            [462] = "Session Expired",
            [463] = "Key Revoked",

            [500] = "Internal Server Error",
            [501] = "Not Implemented",
            [502] = "Bad Gateway",
            [503] = "Service Unavailable",
            [504] = "Gateway Timeout",
            [505] = "HTTP Version Not Supported",
        };

        /// <summary>The reason phrase for a status; empty (which HTTP allows) for one not listed.</summary>
        public static string ReasonPhrase(int statusCode) => Reasons.TryGetValue(statusCode, out var reason) ? reason : string.Empty;

        /// <summary>A plain-text answer for a request refused before it reached the Sandbox.</summary>
        public static SandboxResponse Refusal(int statusCode, string message) =>
            new SandboxResponse(statusCode, message + "\n") { ContentType = "text/plain; charset=utf-8" };

        /// <summary>
        /// The whole message, built before anything is written, so an answer HTTP cannot carry
        /// (<see cref="ArgumentException"/>) leaves the connection untouched. A HEAD answer has no body.
        /// </summary>
        public static byte[] Format(SandboxResponse response, bool keepAlive, bool withBody)
        {
            var status = response.StatusCode;
            if (status < 200 || status > 999)
            {
                throw new ArgumentException("A final answer needs a status from 200 to 999, not " + status + ".", nameof(response));
            }

            // 204 and 304 never carry a body or its length.
            var hasBody = status != 204 && status != 304;
            var body = hasBody ? Encoding.UTF8.GetBytes(response.Body) : new byte[0];
            var head = new StringBuilder();
            head.Append("HTTP/1.1 ").Append(status.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(ReasonPhrase(status)).Append("\r\n");
            if (hasBody && !string.IsNullOrEmpty(response.ContentType))
            {
                AppendHeader(head, "Content-Type", response.ContentType);
            }

            if (hasBody)
            {
                AppendHeader(head, "Content-Length", body.Length.ToString(CultureInfo.InvariantCulture));
            }

            foreach (var header in response.Headers)
            {
                if (!ServerHeaders.Contains(header.Key))
                {
                    AppendHeader(head, header.Key, header.Value);
                }
            }

            AppendHeader(head, "Connection", keepAlive ? "keep-alive" : "close");
            head.Append("\r\n");

            var headBytes = Encoding.UTF8.GetBytes(head.ToString());
            if (!withBody)
            {
                return headBytes;
            }

            var message = new byte[headBytes.Length + body.Length];
            Buffer.BlockCopy(headBytes, 0, message, 0, headBytes.Length);
            Buffer.BlockCopy(body, 0, message, headBytes.Length, body.Length);
            return message;
        }

        private static void AppendHeader(StringBuilder head, string name, string value)
        {
            // A line break in a header would end the head early and let the rest pass for body or headers.
            if (name.Length == 0 || name.IndexOfAny(new[] { '\r', '\n', ':', ' ' }) >= 0 || (value ?? string.Empty).IndexOfAny(new[] { '\r', '\n', '\0' }) >= 0)
            {
                throw new ArgumentException("The answer has a header HTTP cannot carry: " + name, nameof(name));
            }

            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }
    }
}
