using System.Collections.Generic;
using LeadPS.Sandbox.Hosting;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>Copper's one error body shape: <c>{"success": false, "status": N, "message": "..."}</c>.</summary>
    internal static class CopperErrorResponses
    {
        public static SandboxResponse Create(int status, string message, IDictionary<string, string>? headers = null)
        {
            var body = new JObject
            {
                ["success"] = false,
                ["status"] = status,
                ["message"] = message,
            };
            return SandboxResponse.Json(status, body, headers);
        }
    }
}
