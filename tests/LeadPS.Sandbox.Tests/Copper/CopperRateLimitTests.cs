using LeadPS.Sandbox.Copper;
using LeadPS.Sandbox.Hosting;

namespace LeadPS.Sandbox.Tests.Copper
{
    public sealed class CopperRateLimitTests
    {
        [Fact]
        public void Beyond_the_budget_requests_are_429_without_retry_after()
        {
            // Real time: the five requests certainly fall within one 60-second window.
            var api = new CopperTestApi(new SandboxOptions { RequestsPerMinute = 5 });
            for (var i = 0; i < 5; i++)
            {
                api.Get("/account").AssertOk();
            }

            var refused = api.Get("/account");

            Assert.Equal("{\"success\":false,\"status\":429,\"message\":\"Rate limit exceeded\"}", refused.Response.Body);
            Assert.Equal(429, refused.Status);
            Assert.Null(refused.Header("Retry-After"));
        }

        [Fact]
        public void Refused_requests_write_nothing()
        {
            var api = new CopperTestApi(new SandboxOptions { RequestsPerMinute = 1 });
            api.Get("/account").AssertOk();

            api.Send("PUT", "/leads/upsert", CopperSeed.UpsertBody).AssertError(429);

            Assert.Equal(0, api.Emulator.LeadCount);
        }

        [Fact]
        public void The_budget_is_per_user_and_unauthenticated_requests_do_not_use_it()
        {
            var api = new CopperTestApi(new SandboxOptions { RequestsPerMinute = 2 });
            var anonymous = CopperTestApi.AuthHeaders();
            anonymous.Remove("X-PW-AccessToken");
            for (var i = 0; i < 5; i++)
            {
                api.Send("GET", "/account", null, anonymous).AssertError(401);
            }

            api.Get("/account").AssertOk();
            api.Get("/account").AssertOk();
            api.Get("/account").AssertError(429);
            api.Send("GET", "/account", null, CopperTestApi.AuthHeaders("second@example.test")).AssertOk();
            api.Send("GET", "/account", null, CopperTestApi.AuthHeaders("RUNBOOK@example.test")).AssertError(429);
        }

        [Fact]
        public void Zero_turns_the_limit_off()
        {
            var api = new CopperTestApi(new SandboxOptions { RequestsPerMinute = 0 });

            for (var i = 0; i < 1000; i++)
            {
                api.Get("/lead_statuses").AssertOk();
            }
        }

        [Fact]
        public void With_a_time_scale_the_window_passes_and_requests_are_accepted_again()
        {
            // 600x: the 60-second window lasts 100 ms of real time.
            var api = new CopperTestApi(new SandboxOptions { RequestsPerMinute = 5 }, new SandboxClock(timeScale: 600));
            var sawRefusal = false;
            for (var i = 0; i < 10_000 && !sawRefusal; i++)
            {
                sawRefusal = api.Get("/account").Status == 429;
            }

            Assert.True(sawRefusal, "a tight loop never exceeded 5 requests per 100 ms");

            // After more than a whole (scaled) window every earlier request has left it.
            Thread.Sleep(150);
            api.Get("/account").AssertOk();
        }

        [Fact]
        public void The_window_is_rolling_and_refusals_cost_nothing()
        {
            var window = new CopperRateWindow();
            TimeSpan At(double seconds) => TimeSpan.FromSeconds(seconds);

            Assert.True(window.TryAcquire(At(0), 2));
            Assert.True(window.TryAcquire(At(1), 2));
            Assert.False(window.TryAcquire(At(2), 2));
            Assert.False(window.TryAcquire(At(59.999), 2));

            // The request of t=0 leaves at t=60; if refusals counted, this would still be refused.
            Assert.True(window.TryAcquire(At(60), 2));
            Assert.False(window.TryAcquire(At(60.5), 2));
            Assert.True(window.TryAcquire(At(61), 2));
            Assert.Equal(2, window.Count);
        }

        [Fact]
        public void The_window_keeps_at_most_budget_timestamps()
        {
            var window = new CopperRateWindow();
            for (var i = 0; i < 100_000; i++)
            {
                window.TryAcquire(TimeSpan.FromMilliseconds(i), 180);
            }

            Assert.Equal(180, window.Count);
        }
    }
}
