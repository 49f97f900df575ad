namespace LeadPS.Sandbox.Tests.Copper
{
    public sealed class CopperProtocolTests
    {
        private readonly CopperTestApi _api = new CopperTestApi();

        [Theory]
        [InlineData("GET", "/opportunities")]
        [InlineData("GET", "/leads/upsert/extra")]
        [InlineData("GET", "/leads/abc")]
        [InlineData("GET", "/leads/-5")]
        [InlineData("GET", "/")]
        [InlineData("GET", "/developer_api/v2/account")]
        [InlineData("GET", "/developer_api/v1x/account")]
        [InlineData("GET", "/account/extra")]
        public void Unknown_routes_are_404_with_copper_body(string method, string path)
        {
            var reply = _api.Send(method, path);

            Assert.Equal(404, reply.Status);
            Assert.Equal("{\"success\":false,\"status\":404,\"message\":\"Resource not found\"}", reply.Response.Body);
        }

        [Theory]
        [InlineData("GET", "/leads", "POST")]
        [InlineData("POST", "/leads/upsert", "PUT")]
        [InlineData("GET", "/leads/search", "POST")]
        [InlineData("POST", "/leads/8982702", "GET, PUT, DELETE")]
        [InlineData("DELETE", "/account", "GET")]
        [InlineData("POST", "/custom_field_definitions", "GET")]
        public void Wrong_methods_are_405_with_allow_header(string method, string path, string allow)
        {
            var reply = _api.Send(method, path, "{}");

            reply.AssertError(405);
            Assert.Equal(allow, reply.Header("Allow"));
        }

        [Theory]
        [InlineData("/developer_api/v1/account")]
        [InlineData("/developer_api/v1/account/")]
        [InlineData("/proxy/copper/developer_api/v1/account")]
        [InlineData("/developer_api/v1/account?verbose=1")]
        public void Any_prefix_before_the_api_root_is_tolerated(string path)
        {
            _api.Send("GET", path).AssertOk();
        }

        [Theory]
        [InlineData("{\"name\":")]
        [InlineData("{\"name\":\"x\"} trailing")]
        [InlineData("not json")]
        public void Malformed_json_is_400(string body)
        {
            var message = _api.Send("POST", "/leads", body).AssertError(400);

            Assert.StartsWith("Malformed JSON body", message);
        }

        [Theory]
        [InlineData("[]")]
        [InlineData("\"text\"")]
        [InlineData("42")]
        public void A_body_that_is_not_an_object_is_422(string body)
        {
            Assert.Equal("Invalid input: Validation errors: body: must be a JSON object", _api.Send("POST", "/leads", body).AssertError(422));
        }

        [Theory]
        [InlineData("text/plain; charset=utf-8")]
        [InlineData(null)]
        public void A_body_not_declared_as_json_is_415(string? contentType)
        {
            var headers = CopperTestApi.AuthHeaders();
            headers.Remove("Content-Type");
            if (contentType != null)
            {
                headers["Content-Type"] = contentType;
            }

            _api.Send("POST", "/leads", "{\"name\":\"x\"}", headers).AssertError(415);
            Assert.Equal(0, _api.Emulator.LeadCount);
        }

        [Fact]
        public void A_json_body_with_charset_and_bom_is_accepted()
        {
            var headers = CopperTestApi.AuthHeaders();
            headers["Content-Type"] = "application/json; charset=utf-8";

            _api.Send("POST", "/leads", "\uFEFF{\"name\":\"Bom Lead\"}", headers).AssertOk();
        }

        [Fact]
        public void Dates_in_strings_are_not_reinterpreted()
        {
            var lead = _api.Post("/leads", new { name = "Dated", details = "2026-01-01T00:00:00Z" }).AssertOk().Json;

            Assert.Equal("2026-01-01T00:00:00Z", (string?)lead["details"]);
        }
    }
}
