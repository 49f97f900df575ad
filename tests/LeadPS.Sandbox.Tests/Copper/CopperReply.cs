using LeadPS.Sandbox.Hosting;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Copper
{
    /// <summary>A response with its body parsed, for short assertions.</summary>
    internal sealed class CopperReply
    {
        public CopperReply(SandboxResponse response)
        {
            Response = response;
            // Keep date-like strings as strings: the emulator's text must be seen as sent.
            using var reader = new JsonTextReader(new StringReader(response.Body)) { DateParseHandling = DateParseHandling.None };
            Json = JToken.ReadFrom(reader);
        }

        public SandboxResponse Response { get; }

        public int Status => Response.StatusCode;

        public JToken Json { get; }

        public JObject Object => (JObject)Json;

        public JArray Array => (JArray)Json;

        public string Message => (string?)Json["message"] ?? string.Empty;

        public long Id => (long)Json["id"]!;

        public string? Header(string name) => Response.Headers.TryGetValue(name, out var value) ? value : null;

        /// <summary>Asserts Copper's error body shape and returns the message.</summary>
        public string AssertError(int status)
        {
            Assert.True(Status == status, $"expected {status}, got {Status}: {Response.Body}");
            Assert.False((bool)Json["success"]!);
            Assert.Equal(status, (int)Json["status"]!);
            Assert.Equal(JTokenType.String, Json["message"]!.Type);
            return Message;
        }

        public CopperReply AssertOk()
        {
            Assert.True(Status == 200, $"expected 200, got {Status}: {Response.Body}");
            return this;
        }
    }
}
