using System.Net.Http;
using System.Text;
using LeadPS.Core.Tests.Pacing;
using LeadPS.Http;
using LeadPS.Ivvy;

namespace LeadPS.Core.Tests.Http;

public class LeadApiConnectionTests
{
    [Fact]
    public async Task Copper_requests_carry_the_three_headers_a_user_agent_and_compact_json()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Json(200, "{\"id\":1}"));
        using var connection = TestConnections.Create(LeadPlatform.Copper, handler, "me@example.test", "tok-123");

        await connection.SendAsync(new ApiRequest(HttpMethod.Put, "leads/upsert", "{\"properties\":{\"name\":\"My Lead\"}}", true), CancellationToken.None);

        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal("https://copper.test/developer_api/v1/leads/upsert", request.RequestUri!.AbsoluteUri);
        Assert.Equal("tok-123", request.Headers.GetValues("X-PW-AccessToken").Single());
        Assert.Equal("developer_api", request.Headers.GetValues("X-PW-Application").Single());
        Assert.Equal("me@example.test", request.Headers.GetValues("X-PW-UserEmail").Single());
        Assert.Equal("application/json", request.Content!.Headers.ContentType!.MediaType);
        Assert.StartsWith("LeadPS/", request.Headers.UserAgent.ToString());
        Assert.Equal("{\"properties\":{\"name\":\"My Lead\"}}", Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task Ivvy_requests_are_signed_over_the_exact_bytes_sent_as_in_vector_3()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Json(200, "{\"ack\":true}"));
        var fixedNow = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        using var connection = TestConnections.Create(LeadPlatform.Ivvy, handler, "TESTKEY1", "testsecret1", utcNow: () => fixedNow);

        await connection.VerifyCredentialAsync(CancellationToken.None);

        var (request, body) = Assert.Single(handler.Requests);
        Assert.Empty(body);
        Assert.Equal("/api/1.0/test?action=ping", request.RequestUri!.PathAndQuery);
        Assert.Equal("2024-01-02 03:04:05", request.Headers.GetValues("IVVY-Date").Single());
        Assert.Equal("1.0", request.Headers.GetValues("X-Api-Version").Single());
        Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", request.Content!.Headers.GetValues("Content-MD5").Single());

        // Same inputs as vector 3 but for the content type and date suffix, so recompute with the documented algorithm.
        var expected = IvvySignature.Sign(
            IvvySignature.BuildStringToSign("POST", "d41d8cd98f00b204e9800998ecf8427e", "application/json", "/api/1.0/test?action=ping",
                new[] { new KeyValuePair<string, string>("IVVY-Date", "2024-01-02 03:04:05") }),
            Encoding.UTF8.GetBytes("testsecret1"));
        Assert.Equal("IWS TESTKEY1:" + expected, request.Headers.GetValues("X-Api-Authorization").Single());
    }

    [Fact]
    public async Task Ivvy_body_bytes_hashed_equal_the_bytes_sent_for_unicode_content()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Json(200, "{\"success\":true,\"id\":5}"));
        using var connection = TestConnections.Create(LeadPlatform.Ivvy, handler, "K", "S");
        var json = "{\"name\":\"Zoë Ünïcödé 李\"}";

        await connection.SendAsync(IvvyAdapter.Call("contact", "addOrUpdateLead", json, false), CancellationToken.None);

        var (request, body) = Assert.Single(handler.Requests);
        Assert.Equal(json, Encoding.UTF8.GetString(body));
        Assert.NotEqual(0xEF, body[0]); // no byte-order mark
        Assert.Equal(IvvySignature.ContentMd5(body), request.Content!.Headers.GetValues("Content-MD5").Single());
    }

    [Fact]
    public async Task A_429_is_retried_after_Retry_After_and_the_caller_is_told()
    {
        var clock = new VirtualClock();
        var handler = new RecordingHandler((_, i) => i == 0
            ? RecordingHandler.Json(429, "{\"success\":false,\"status\":429,\"message\":\"Rate limit exceeded\"}", ("Retry-After", "7"))
            : RecordingHandler.Json(200, "{\"id\":1}"));
        using var connection = TestConnections.Create(LeadPlatform.Copper, handler, clock: clock);
        var notices = new List<RetryNotice>();

        var response = await connection.SendAsync(new ApiRequest(HttpMethod.Post, "leads", "{}"), CancellationToken.None, new SyncProgress<RetryNotice>(notices.Add));

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, handler.Requests.Count);
        var notice = Assert.Single(notices);
        Assert.True(notice.Throttled);
        Assert.Equal(TimeSpan.FromSeconds(7), notice.Delay);
        Assert.Contains(TimeSpan.FromSeconds(7), clock.Delays);
    }

    [Fact]
    public async Task A_429_is_retried_for_twice_the_window_whatever_MaximumRetryCount_says()
    {
        var clock = new VirtualClock();
        var handler = new RecordingHandler((_, _) => RecordingHandler.Json(429, "{\"success\":false,\"status\":429,\"message\":\"Rate limit exceeded\"}"));
        using var connection = TestConnections.Create(LeadPlatform.Copper, handler, retries: 0, clock: clock);
        var notices = new List<RetryNotice>();

        var ex = await Assert.ThrowsAsync<LeadApiThrottledException>(() => connection.SendAsync(new ApiRequest(HttpMethod.Post, "leads", "{}"), CancellationToken.None, new SyncProgress<RetryNotice>(notices.Add)));

        // Paused 1, 2, 4, 8, 16, 32 and 60 s (123 s, past the 120 s limit) between eight attempts.
        Assert.Equal(8, handler.Requests.Count);
        Assert.InRange(clock.Now.TotalSeconds, 120, 123);
        Assert.Equal(new[] { 1.0, 2, 4, 8, 16, 32, 60 }, notices.Select(n => n.Delay.TotalSeconds));
        Assert.All(notices, n => Assert.NotNull(n.Throttle));
        Assert.Equal(LeadErrorKind.Throttled, ex.ErrorKind);
        Assert.Contains("twice the 60 s rate window", ex.Message);
    }

    [Fact]
    public async Task Only_waiting_for_the_budget_counts_toward_the_429_time_limit_not_other_failures()
    {
        var clock = new VirtualClock();
        var handler = new RecordingHandler((_, i) => i == 1
            ? RecordingHandler.Json(503, "{\"success\":false,\"status\":503,\"message\":\"busy\"}")
            : RecordingHandler.Json(429, "{\"success\":false,\"status\":429,\"message\":\"Rate limit exceeded\"}"));
        using var connection = new LeadApiConnection(new LeadApiConnectionOptions(LeadPlatform.Copper, "u@example.test", TestConnections.Secure("t"))
        {
            Handler = handler,
            PacingClock = clock,
            MaximumRetryCount = 2,
            RetryBaseDelay = TimeSpan.FromSeconds(100), // a long wait after the 503, outside the 429 budget
        });

        var ex = await Assert.ThrowsAsync<LeadApiThrottledException>(() => connection.SendAsync(new ApiRequest(HttpMethod.Put, "leads/upsert", "{}", isIdempotent: true), CancellationToken.None));

        // 429 (waits 1 s), 503 (backoff 50-100 s, not counted), then 429s waiting 2, 4, 8, 16, 32 and 60 s: 123 s of waiting at the ninth.
        Assert.Equal(9, handler.Requests.Count);
        Assert.Contains("after waiting 123 s for the account's budget", ex.Message);
    }

    [Fact]
    public async Task The_window_is_a_setting()
    {
        var clock = new VirtualClock();
        var handler = new RecordingHandler((_, _) => RecordingHandler.Json(200, "{\"id\":1}"));
        using var connection = new LeadApiConnection(new LeadApiConnectionOptions(LeadPlatform.Copper, "u@example.test", TestConnections.Secure("t"))
        {
            Handler = handler,
            PacingClock = clock,
            RequestsPerMinute = 2,
            RateWindow = TimeSpan.FromSeconds(6),
        });

        for (var i = 0; i < 3; i++)
        {
            await connection.SendAsync(new ApiRequest(HttpMethod.Get, "account"), CancellationToken.None);
        }

        Assert.Equal(TimeSpan.FromMilliseconds(6060), Assert.Single(clock.Delays));
        Assert.Equal(TimeSpan.FromSeconds(12), connection.ThrottledRetryTime);
    }

    [Fact]
    public async Task A_429_on_one_connection_pauses_the_others_on_the_same_account()
    {
        var clock = new VirtualClock();
        var store = new LeadPS.Pacing.MemoryPacingStore();
        LeadApiConnection Connect(Func<HttpRequestMessage, int, HttpResponseMessage> answer) => new(new LeadApiConnectionOptions(LeadPlatform.Copper, "u@example.test", TestConnections.Secure("t"))
        {
            Handler = new RecordingHandler(answer),
            PacingClock = clock,
            PacingStore = store,
        });
        using var throttled = Connect((_, i) => i == 0 ? RecordingHandler.Json(429, "{\"success\":false,\"status\":429,\"message\":\"Rate limit exceeded\"}", ("Retry-After", "9")) : RecordingHandler.Json(200, "{}"));
        using var sibling = Connect((_, _) => RecordingHandler.Json(200, "{}"));

        await throttled.SendAsync(new ApiRequest(HttpMethod.Get, "account"), CancellationToken.None);
        var pausedAt = clock.Delays.Count;
        clock.Advance(TimeSpan.FromSeconds(-9)); // as if the sibling asked while the pause was still on
        await sibling.SendAsync(new ApiRequest(HttpMethod.Get, "account"), CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(9), clock.Delays[pausedAt]);
    }

    [Fact]
    public async Task An_iVvy_24299_race_is_retried_by_count_without_pausing_the_account()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Json(429, "{\"errorCode\":429,\"message\":\"Race\",\"specificCode\":24299}"));
        using var connection = TestConnections.Create(LeadPlatform.Ivvy, handler, retries: 2);
        var notices = new List<RetryNotice>();

        await Assert.ThrowsAsync<LeadApiThrottledException>(() => connection.SendAsync(IvvyAdapter.Call("contact", "addOrUpdateLead", "{}", true), CancellationToken.None, new SyncProgress<RetryNotice>(notices.Add)));

        Assert.Equal(3, handler.Requests.Count);
        Assert.All(notices, n => Assert.Null(n.Throttle));
        Assert.Null(connection.PacingStatus);
    }

    [Fact]
    public async Task A_5xx_is_retried_for_idempotent_requests_only()
    {
        var calls = 0;
        var handler = new RecordingHandler((_, _) => ++calls == 1 ? RecordingHandler.Json(503, "{\"success\":false,\"status\":503,\"message\":\"busy\"}") : RecordingHandler.Json(200, "[]"));
        using var connection = TestConnections.Create(LeadPlatform.Copper, handler);

        var ok = await connection.SendAsync(new ApiRequest(HttpMethod.Put, "leads/upsert", "{}", isIdempotent: true), CancellationToken.None);
        Assert.Equal(200, ok.StatusCode);

        calls = 0;
        var create = new ApiRequest(HttpMethod.Post, "leads", "{}");
        var ex = await Assert.ThrowsAsync<LeadApiUnavailableException>(() => connection.SendAsync(create, CancellationToken.None));
        Assert.Equal(503, ex.StatusCode);
        Assert.Equal("busy", ex.ServerMessage);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_dropped_connection_after_a_create_is_not_blindly_resent()
    {
        var handler = new RecordingHandler((_, _) => throw new HttpRequestException("connection reset"));
        using var connection = TestConnections.Create(LeadPlatform.Copper, handler, retries: 5);

        var ex = await Assert.ThrowsAsync<LeadApiUnavailableException>(() => connection.SendAsync(new ApiRequest(HttpMethod.Post, "leads", "{}"), CancellationToken.None));

        Assert.Single(handler.Requests);
        Assert.Null(ex.StatusCode);
        Assert.Contains("connection reset", ex.Message);
    }

    [Fact]
    public async Task Cancellation_stops_at_once_without_a_lead_error()
    {
        using var cancel = new CancellationTokenSource();
        var handler = new RecordingHandler((_, _) => { cancel.Cancel(); throw new TaskCanceledException(); });
        using var connection = TestConnections.Create(LeadPlatform.Copper, handler);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connection.SendAsync(new ApiRequest(HttpMethod.Get, "account"), cancel.Token));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_redirect_is_reported_not_followed()
    {
        var handler = new RecordingHandler((_, _) =>
        {
            var r = RecordingHandler.Json(301, "");
            r.Headers.Location = new Uri("https://api.copper.com/developer_api/v1/account");
            return r;
        });
        using var connection = TestConnections.Create(LeadPlatform.Copper, handler);

        var ex = await Assert.ThrowsAsync<LeadApiException>(() => connection.SendAsync(new ApiRequest(HttpMethod.Get, "account"), CancellationToken.None));
        Assert.Contains("https://api.copper.com/developer_api/v1/account", ex.Message);
        Assert.Contains("-BaseUri", ex.Message);
    }

    [Fact]
    public async Task The_secret_is_removed_from_error_bodies_and_messages()
    {
        var handler = new RecordingHandler((_, _) => RecordingHandler.Json(401, "{\"success\":false,\"status\":401,\"message\":\"Token s3cret-token is invalid\"}"));
        using var connection = TestConnections.Create(LeadPlatform.Copper, handler, secret: "s3cret-token");

        var ex = await Assert.ThrowsAsync<LeadApiUnauthorizedException>(() => connection.VerifyCredentialAsync(CancellationToken.None));

        Assert.DoesNotContain("s3cret-token", ex.Message);
        Assert.DoesNotContain("s3cret-token", ex.ServerMessage);
        Assert.DoesNotContain("s3cret-token", ex.ResponseBody);
        Assert.DoesNotContain("s3cret-token", ex.ToString());
        Assert.DoesNotContain("s3cret-token", connection.ToString());
        Assert.Contains("[redacted]", ex.ServerMessage);
    }

    [Theory]
    [InlineData("http://api.copper.com/developer_api/v1/")]
    [InlineData("ftp://api.copper.com/")]
    public void Plain_http_is_refused_off_loopback(string address)
    {
        var options = new LeadApiConnectionOptions(LeadPlatform.Copper, "u@example.test", TestConnections.Secure("t")) { BaseAddress = new Uri(address) };
        var ex = Assert.Throws<ArgumentException>(() => new LeadApiConnection(options));
        Assert.Contains("HTTPS", ex.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/")]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://[::1]:8080/")]
    public void Plain_http_is_allowed_on_loopback(string address)
    {
        var options = new LeadApiConnectionOptions(LeadPlatform.Copper, "u@example.test", TestConnections.Secure("t")) { BaseAddress = new Uri(address) };
        using var connection = new LeadApiConnection(options);
        Assert.Equal(new Uri(address), connection.BaseAddress);
    }

    [Theory]
    [InlineData("", "t", "e-mail")]
    [InlineData("u@example.test", "", "token")]
    public void Empty_credentials_are_refused_by_name(string user, string secret, string mentioned)
    {
        var ex = Assert.Throws<ArgumentException>(() => new LeadApiConnectionOptions(LeadPlatform.Copper, user, TestConnections.Secure(secret)));
        Assert.Contains(mentioned, ex.Message);
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
