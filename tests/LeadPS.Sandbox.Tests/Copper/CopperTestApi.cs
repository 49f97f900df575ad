using System.Text;
using LeadPS.Sandbox.Copper;
using LeadPS.Sandbox.Hosting;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Copper
{
    /// <summary>Drives a <see cref="CopperEmulator"/> with raw requests, as the HTTP handler would.</summary>
    internal sealed class CopperTestApi
    {
        public const string Email = "runbook@example.test";
        public const string Token = "token-0123456789";
        public const string Root = "/developer_api/v1";

        public CopperTestApi(SandboxOptions? options = null, SandboxClock? clock = null)
        {
            Options = options ?? new SandboxOptions { RequestsPerMinute = 0 };
            Emulator = new CopperEmulator(Options, clock ?? new SandboxClock());
        }

        public SandboxOptions Options { get; }

        public CopperEmulator Emulator { get; }

        public static Dictionary<string, string> AuthHeaders(string email = Email, string token = Token) => new Dictionary<string, string>
        {
            ["X-PW-AccessToken"] = token,
            ["X-PW-Application"] = "developer_api",
            ["X-PW-UserEmail"] = email,
            ["Content-Type"] = "application/json",
        };

        public CopperReply Send(string method, string path, string? body = null, IDictionary<string, string>? headers = null)
        {
            var request = new SandboxRequest(
                method,
                path.Contains("/developer_api") ? path : Root + path,
                (IReadOnlyDictionary<string, string>)(headers ?? AuthHeaders()),
                body == null ? System.Array.Empty<byte>() : Encoding.UTF8.GetBytes(body));
            return new CopperReply(Emulator.Handle(request));
        }

        public CopperReply Get(string path) => Send("GET", path);

        public CopperReply Post(string path, object body) => Send("POST", path, AsText(body));

        public CopperReply Put(string path, object body) => Send("PUT", path, AsText(body));

        public CopperReply Delete(string path) => Send("DELETE", path);

        public CopperReply Upsert(object properties, string fieldName, object fieldValue) =>
            Put("/leads/upsert", new JObject
            {
                ["properties"] = JToken.FromObject(properties),
                ["match"] = new JObject { ["field_name"] = fieldName, ["field_value"] = JToken.FromObject(fieldValue) },
            });

        public CopperReply Search(object criteria) => Post("/leads/search", criteria);

        public long Create(object properties) => Post("/leads", properties).AssertOk().Id;

        private static string AsText(object body) => body as string ?? JToken.FromObject(body).ToString();
    }
}
