using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeadPS.Http
{
    /// <summary>Lenient JSON reading for answers that may be malformed, empty or not JSON at all.</summary>
    internal static class JsonBody
    {
        public static JToken? TryParse(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            try
            {
                return JToken.Parse(text!);
            }
            catch (JsonException)
            {
                return null;
            }
        }

        public static string? String(JToken? token, string property) =>
            token is JObject obj && obj.TryGetValue(property, System.StringComparison.OrdinalIgnoreCase, out var value) && value.Type != JTokenType.Null
                ? value.ToString()
                : null;

        public static int? Integer(JToken? token, string property) =>
            token is JObject obj && obj.TryGetValue(property, System.StringComparison.OrdinalIgnoreCase, out var value)
                && (value.Type == JTokenType.Integer || (value.Type == JTokenType.String && int.TryParse((string?)value, out _)))
                ? (int?)value
                : null;
    }
}
