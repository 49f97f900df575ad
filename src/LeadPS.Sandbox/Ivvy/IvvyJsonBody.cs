using System.IO;
using System.Linq;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>Reads a request body as a JSON object (an empty body counts as no parameters).</summary>
    internal static class IvvyJsonBody
    {
        /// <summary>The body's object; an empty object for an empty or <c>null</c> body; a 400 for anything else.</summary>
        public static JObject ParseObject(byte[] body)
        {
            var text = Encoding.UTF8.GetString(body).Trim('\uFEFF', ' ', '\t', '\r', '\n');
            if (text.Length == 0)
            {
                return new JObject();
            }

            JToken token;
            try
            {
                // Dates stay strings: the emulator compares and returns them as sent.
                using (var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None })
                {
                    token = JToken.ReadFrom(reader);
                    if (reader.Read())
                    {
                        throw new JsonReaderException("Additional text after the JSON value.");
                    }
                }
            }
            catch (JsonException)
            {
                throw new IvvyApiError(400, "The request body is not valid JSON").ToException();
            }

            if (token.Type == JTokenType.Null)
            {
                return new JObject();
            }

            return token as JObject
                ?? throw new IvvyApiError(400, "The request body must be a JSON object").ToException();
        }

        /// <summary>True when no parameter carries a value (iVvy's "the request is empty").</summary>
        public static bool HasNoValues(JObject body) =>
            body.Properties().All(p => p.Value.Type == JTokenType.Null);
    }
}
