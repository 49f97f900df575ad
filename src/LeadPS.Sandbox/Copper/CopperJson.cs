using System;
using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// Strict reading of request bodies and JSON values: the emulator must tell a client exactly
    /// which value has the wrong type instead of coercing it, as a real API would refuse it too.
    /// </summary>
    internal static class CopperJson
    {
        /// <summary>Parses a body; <c>null</c> for an empty one; 400 when it is not JSON.</summary>
        public static JToken? ParseBody(byte[] body)
        {
            var text = Encoding.UTF8.GetString(body);
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text.Substring(1);
            }

            if (text.Trim().Length == 0)
            {
                return null;
            }

            try
            {
                using (var reader = new JsonTextReader(new StringReader(text)))
                {
                    // Dates stay strings and floats stay doubles: no silent reinterpretation of input.
                    reader.DateParseHandling = DateParseHandling.None;
                    reader.FloatParseHandling = FloatParseHandling.Double;
                    reader.MaxDepth = 64;
                    // No line info: stored values would otherwise carry it for as long as the lead lives.
                    var token = JToken.ReadFrom(reader, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Ignore });
                    while (reader.Read())
                    {
                        if (reader.TokenType != JsonToken.Comment)
                        {
                            throw new JsonReaderException("Additional text after the JSON value.");
                        }
                    }

                    return token;
                }
            }
            catch (JsonException e)
            {
                throw new CopperApiException(400, "Malformed JSON body: " + e.Message);
            }
        }

        /// <summary>Parses a body that must be a JSON object; an empty body counts as <c>{}</c>.</summary>
        public static JObject ParseObjectBody(byte[] body)
        {
            var token = ParseBody(body);
            if (token == null)
            {
                return new JObject();
            }

            if (token is JObject obj)
            {
                return obj;
            }

            throw CopperApiException.Invalid("body", "must be a JSON object");
        }

        public static bool IsNull(JToken? token) => token == null || token.Type == JTokenType.Null;

        /// <summary>A JSON integer that fits in 64 bits; floats such as <c>5.0</c> are refused.</summary>
        public static bool TryGetInt64(JToken? token, out long value)
        {
            value = 0;
            if (!(token is JValue jvalue) || jvalue.Type != JTokenType.Integer)
            {
                return false;
            }

            switch (jvalue.Value)
            {
                case long l: value = l; return true;
                case int i: value = i; return true;
                case short s: value = s; return true;
                case byte b: value = b; return true;
                case sbyte sb: value = sb; return true;
                case ushort us: value = us; return true;
                case uint ui: value = ui; return true;
                case ulong ul when ul <= long.MaxValue: value = (long)ul; return true;
                default: return false; // BigInteger or out of range
            }
        }

        /// <summary>A finite JSON number, integer or float.</summary>
        public static bool TryGetNumber(JToken? token, out double value)
        {
            value = 0;
            if (TryGetInt64(token, out var whole))
            {
                value = whole;
                return true;
            }

            if (token is JValue jvalue && jvalue.Type == JTokenType.Float && jvalue.Value is IConvertible convertible)
            {
                value = convertible.ToDouble(System.Globalization.CultureInfo.InvariantCulture);
                return !double.IsNaN(value) && !double.IsInfinity(value);
            }

            return false;
        }

        public static string? AsString(JToken? token) =>
            token is JValue jvalue && jvalue.Type == JTokenType.String ? (string?)jvalue.Value : null;

        public static string Describe(JToken? token) => token == null ? "nothing" : token.Type switch
        {
            JTokenType.Object => "an object",
            JTokenType.Array => "an array",
            JTokenType.Integer => "an integer",
            JTokenType.Float => "a number",
            JTokenType.String => "a string",
            JTokenType.Boolean => "a boolean",
            JTokenType.Null => "null",
            _ => token.Type.ToString().ToLowerInvariant(),
        };
    }
}
