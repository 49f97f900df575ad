using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using LeadPS.Http;
using Newtonsoft.Json.Linq;

namespace LeadPS.Copper
{
    /// <summary>
    /// Turns Copper's error answers into typed exceptions. Copper's documented body is
    /// <c>{success, status, message}</c>; anything else still yields a typed error.
    /// </summary>
    internal sealed class CopperErrorTranslator
    {
        // The layout of the upsert-conflict 422 is undocumented: accept ids as a numeric array
        // anywhere in the body, or listed in the message.
        private static readonly Regex IdInMessage = new Regex(@"\b\d{3,}\b", RegexOptions.CultureInvariant);
        private static readonly Regex ConflictWording = new Regex(@"match|duplicate|more than 30", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private readonly SecretRedactor _redactor;

        public CopperErrorTranslator(SecretRedactor redactor)
        {
            _redactor = redactor;
        }

        public LeadApiException? Translate(ApiResponse response, ApiRequest request)
        {
            if (response.IsSuccessStatusCode)
            {
                return null;
            }

            var status = response.StatusCode;
            var json = JsonBody.TryParse(response.Body);
            var serverMessage = _redactor.Redact(JsonBody.String(json, "message")) ?? FirstLine(_redactor.Redact(response.Body));
            var body = _redactor.Redact(response.Body);
            var described = $"Copper answered {StatusText.Describe(status)} to {request}";
            var message = string.IsNullOrEmpty(serverMessage) ? described + "." : described + ": " + serverMessage;

            if (status == 422 && IsUpsert(request))
            {
                var ids = FindIds(json, serverMessage);
                if (ids.Count > 0 || ConflictWording.IsMatch(serverMessage ?? string.Empty))
                {
                    var exceeds = ids.Count == 0;
                    var conflict = exceeds
                        ? "The upsert matched more than 30 leads; Copper does not list them. Narrow the match field."
                        : $"The upsert matched {ids.Count} leads ({string.Join(", ", ids)}); Copper updates only a single match.";
                    return new LeadMatchConflictException(conflict, LeadPlatform.Copper, ids, exceeds, null, status, serverMessage, body, request.ToString());
                }
            }

            switch (status)
            {
                case 401:
                    return new LeadApiUnauthorizedException(message, LeadPlatform.Copper, status, false, null, serverMessage, body, null, request.ToString());
                case 403:
                    return new LeadApiUnauthorizedException(message, LeadPlatform.Copper, status, true, null, serverMessage, body, null, request.ToString());
                case 404:
                    return new LeadApiException(message, LeadErrorKind.NotFound, LeadPlatform.Copper, status, null, serverMessage, body, null, request.ToString());
                case 400:
                case 422:
                    return new LeadApiException(message, LeadErrorKind.Invalid, LeadPlatform.Copper, status, null, serverMessage, body, null, request.ToString());
                case 429:
                    return new LeadApiThrottledException(message, LeadPlatform.Copper, null, null, serverMessage, body, request.ToString());
                default:
                    return status >= 500
                        ? new LeadApiUnavailableException(message, LeadPlatform.Copper, status, serverMessage, body, request.ToString())
                        : new LeadApiException(message, LeadErrorKind.Unknown, LeadPlatform.Copper, status, null, serverMessage, body, null, request.ToString());
            }
        }

        private static bool IsUpsert(ApiRequest request) =>
            request.Path.StartsWith("leads/upsert", StringComparison.OrdinalIgnoreCase);

        internal static IReadOnlyList<long> FindIds(JToken? json, string? message)
        {
            var fromBody = (json as JContainer)?
                .DescendantsAndSelf()
                .OfType<JArray>()
                .FirstOrDefault(a => a.Count > 0 && a.All(t => t.Type == JTokenType.Integer || (t is JObject o && o["id"]?.Type == JTokenType.Integer)));
            if (fromBody != null)
            {
                return fromBody.Select(t => t.Type == JTokenType.Integer ? (long)t : (long)t["id"]!).Distinct().ToList();
            }

            return IdInMessage.Matches(message ?? string.Empty)
                .Cast<Match>()
                .Select(m => long.TryParse(m.Value, out var id) ? id : 0)
                .Where(id => id > 0)
                .Distinct()
                .ToList();
        }

        private static string? FirstLine(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var line = text!.Trim().Split('\n')[0].Trim();
            return line.Length > 300 ? line.Substring(0, 300) + "…" : line;
        }
    }
}
