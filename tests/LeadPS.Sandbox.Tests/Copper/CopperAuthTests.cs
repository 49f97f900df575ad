namespace LeadPS.Sandbox.Tests.Copper
{
    public sealed class CopperAuthTests
    {
        private static CopperTestApi Configured() => new CopperTestApi(new SandboxOptions
        {
            RequestsPerMinute = 0,
            CopperUserEmail = CopperTestApi.Email,
            CopperApiToken = CopperTestApi.Token,
        });

        [Theory]
        [InlineData("X-PW-AccessToken")]
        [InlineData("X-PW-Application")]
        [InlineData("X-PW-UserEmail")]
        public void A_missing_header_is_401(string header)
        {
            var api = new CopperTestApi();
            var headers = CopperTestApi.AuthHeaders();
            headers.Remove(header);

            var message = api.Send("GET", "/account", null, headers).AssertError(401);

            Assert.Contains(header, message);
        }

        [Theory]
        [InlineData("X-PW-AccessToken")]
        [InlineData("X-PW-UserEmail")]
        public void An_empty_header_is_401(string header)
        {
            var headers = CopperTestApi.AuthHeaders();
            headers[header] = " ";

            new CopperTestApi().Send("GET", "/account", null, headers).AssertError(401);
        }

        [Theory]
        [InlineData("developer-api")]
        [InlineData("Developer_API")]
        [InlineData("web")]
        public void The_application_must_be_developer_api(string application)
        {
            var headers = CopperTestApi.AuthHeaders();
            headers["X-PW-Application"] = application;

            var message = new CopperTestApi().Send("GET", "/account", null, headers).AssertError(401);

            Assert.Contains("X-PW-Application", message);
        }

        [Fact]
        public void Without_configured_credentials_any_non_empty_pair_is_accepted()
        {
            new CopperTestApi().Send("GET", "/account", null, CopperTestApi.AuthHeaders("someone@else.test", "anything")).AssertOk();
        }

        [Theory]
        [InlineData("runbook@example.test", "token-0123456789", 200)]
        [InlineData("RUNBOOK@Example.TEST", "token-0123456789", 200)]
        [InlineData("other@example.test", "token-0123456789", 401)]
        [InlineData("runbook@example.test", "TOKEN-0123456789", 401)]
        [InlineData("runbook@example.test", "token-wrong", 401)]
        public void Configured_credentials_compare_email_ignoring_case_and_token_exactly(string email, string token, int expected)
        {
            var reply = Configured().Send("GET", "/account", null, CopperTestApi.AuthHeaders(email, token));

            Assert.Equal(expected, reply.Status);
        }

        [Fact]
        public void A_refusal_never_echoes_the_token()
        {
            var reply = Configured().Send("GET", "/account", null, CopperTestApi.AuthHeaders(token: "s3cr3t-token-value"));

            Assert.DoesNotContain("s3cr3t", reply.AssertError(401));
        }

        [Fact]
        public void Auth_is_checked_on_every_endpoint_before_routing()
        {
            var headers = CopperTestApi.AuthHeaders();
            headers.Remove("X-PW-AccessToken");
            var api = new CopperTestApi();

            api.Send("PUT", "/leads/upsert", CopperSeed.UpsertBody, headers).AssertError(401);
            api.Send("GET", "/no/such/route", null, headers).AssertError(401);
            Assert.Equal(0, api.Emulator.LeadCount);
        }

        [Fact]
        public void Users_me_describes_the_authenticated_user()
        {
            var me = Configured().Get("/users/me").AssertOk().Json;

            Assert.Equal(CopperTestApi.Email, (string?)me["email"]);
            Assert.Equal(137658L, (long)me["id"]!);
        }
    }
}
