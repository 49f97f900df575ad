using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using LeadPS.Sandbox.Hosting;

namespace LeadPS.Sandbox.Tests.Loopback;

/// <summary>
/// The loopback server's HTTP/1.1, byte by byte: connections kept alive, request bodies by length
/// or chunks, 100-continue, limits and malformed requests, header values as sent, and faults that
/// end a connection without a single byte of an answer.
/// </summary>
public sealed class Http1ServerTests
{
    private const string Get = "GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    [Fact]
    public void The_server_listens_on_an_ephemeral_loopback_port()
    {
        using var server = new EchoPlatform().Serve();

        Assert.True(server.Port > 0);
        Assert.Equal(new Uri($"http://127.0.0.1:{server.Port}/"), server.BaseAddress);
    }

    [Fact]
    public async Task Several_requests_share_one_kept_alive_connection_until_the_client_asks_to_close()
    {
        var echo = new EchoPlatform();
        using var server = echo.Serve();
        using var connection = await RawConnection.OpenAsync(server);

        for (var i = 1; i <= 3; i++)
        {
            await connection.SendAsync($"GET /echo?n={i} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            var answer = await connection.ReadResponseAsync();

            Assert.Equal("HTTP/1.1 200 OK", answer.StatusLine);
            Assert.Equal("keep-alive", answer.Header("Connection"));
            Assert.Equal($"/echo?n={i}", (string)answer.Object["target"]!);
        }

        await connection.SendAsync("GET /echo?n=4 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        var last = await connection.ReadResponseAsync();

        Assert.Equal(200, last.Status);
        Assert.Equal("close", last.Header("Connection"));
        var (after, reset) = await connection.ReadToEndAsync();
        Assert.Empty(after);
        Assert.False(reset, "a requested close is a clean close");
        Assert.Equal(new[] { "/echo?n=1", "/echo?n=2", "/echo?n=3", "/echo?n=4" }, echo.Received.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task Pipelined_requests_are_answered_in_order()
    {
        var echo = new EchoPlatform();
        using var server = echo.Serve();
        using var connection = await RawConnection.OpenAsync(server);

        await connection.SendAsync(
            "POST /first HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n\r\nhello"
            + "GET /second HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        Assert.Equal("/first", (string)(await connection.ReadResponseAsync()).Object["target"]!);
        Assert.Equal("/second", (string)(await connection.ReadResponseAsync()).Object["target"]!);
        Assert.Equal(new[] { "hello", string.Empty }, echo.Received.Select(r => r.BodyText));
    }

    [Fact]
    public async Task An_http_1_0_request_is_answered_and_closed_unless_it_asks_for_keep_alive()
    {
        using var server = new EchoPlatform().Serve();
        using var connection = await RawConnection.OpenAsync(server);

        await connection.SendAsync("GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        Assert.Equal("keep-alive", (await connection.ReadResponseAsync()).Header("Connection"));
        await connection.SendAsync("GET /old HTTP/1.0\r\n\r\n");

        var answer = await connection.ReadResponseAsync();

        Assert.Equal(200, answer.Status);
        Assert.Equal("close", answer.Header("Connection"));
        Assert.Empty((await connection.ReadToEndAsync()).Bytes);
    }

    [Fact]
    public async Task A_chunked_request_body_arrives_whole_and_the_connection_stays_usable()
    {
        var echo = new EchoPlatform();
        using var server = echo.Serve();
        using var connection = await RawConnection.OpenAsync(server);

        await connection.SendAsync(
            "POST /chunked HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;note=extension\r\nHello\r\n"
            + "7\r\n, world\r\n"
            + "000\r\nX-Trailer: dropped\r\n\r\n");
        (await connection.ReadResponseAsync()).AssertOk();
        await connection.SendAsync(Get);
        (await connection.ReadResponseAsync()).AssertOk();

        Assert.Equal(new[] { "Hello, world", string.Empty }, echo.Received.Select(r => r.BodyText));
    }

    [Fact]
    public async Task HttpClient_streamed_content_is_sent_chunked_and_arrives_byte_for_byte()
    {
        var echo = new EchoPlatform();
        using var server = echo.Serve();
        using var client = new HttpClient();
        var bytes = new byte[300_000];
        new Random(7).NextBytes(bytes);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseAddress, "stream")) { Content = new StreamContent(new MemoryStream(bytes)) };
        request.Headers.TransferEncodingChunked = true;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("chunked", echo.Single.Header("Transfer-Encoding"));
        Assert.Equal(bytes, echo.Single.Body);
    }

    [Fact]
    public async Task Expect_100_continue_is_answered_before_the_client_sends_the_body()
    {
        var echo = new EchoPlatform();
        using var server = echo.Serve();
        using var connection = await RawConnection.OpenAsync(server);

        await connection.SendAsync("POST /expect HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\nContent-Length: 11\r\n\r\n");
        var interim = await connection.ReadResponseAsync();
        await connection.SendAsync("held back!!");
        var final = await connection.ReadResponseAsync();

        Assert.Equal("HTTP/1.1 100 Continue", interim.StatusLine);
        Assert.Empty(interim.Headers);
        final.AssertOk();
        Assert.Equal("held back!!", echo.Single.BodyText);
    }

    [Fact]
    public async Task HttpClient_expecting_100_continue_gets_its_answer()
    {
        var echo = new EchoPlatform();
        using var server = echo.Serve();
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.BaseAddress, "expect")) { Content = new StringContent("{\"a\":1}") };
        request.Headers.ExpectContinue = true;

        (await client.GetAsync(new Uri(server.BaseAddress, "warm-up"))).Dispose();

        var stopwatch = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"a\":1}", echo.Received.Last().BodyText);
        Assert.Equal("100-continue", echo.Received.Last().Header("Expect"));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"the client waited {stopwatch.Elapsed} for a 100 Continue (its timeout is 1 s)");
    }

    [Theory]
    [InlineData(1, 70_000)]
    [InlineData(2_000, 40)]
    public async Task Headers_beyond_64_KiB_are_refused_with_431_and_the_connection_closed(int count, int valueLength)
    {
        var echo = new EchoPlatform();
        using var server = echo.Serve();
        using var connection = await RawConnection.OpenAsync(server);
        var head = new StringBuilder("GET /big HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (var i = 0; i < count; i++)
        {
            head.Append("X-Big-").Append(i).Append(": ").Append('v', valueLength).Append("\r\n");
        }

        await connection.SendAsync(head.Append("\r\n").ToString());

        await AssertRefusedAsync(connection, "HTTP/1.1 431 Request Header Fields Too Large");
        Assert.Empty(echo.Received);
    }

    [Fact]
    public async Task Headers_just_under_the_limit_are_served()
    {
        var echo = new EchoPlatform();
        using var server = echo.Serve();
        using var connection = await RawConnection.OpenAsync(server);

        await connection.SendAsync("GET /big HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + new string('v', 64_000) + "\r\n\r\n");

        (await connection.ReadResponseAsync()).AssertOk();
        Assert.Equal(64_000, echo.Single.Header("X-Big")!.Length);
    }

    [Theory]
    [InlineData("POST /big HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 16777217\r\n\r\n")]
    [InlineData("POST /big HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 99999999999999999999999\r\n\r\n")]
    [InlineData("POST /big HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n1000001\r\n")]
    [InlineData("POST /big HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\nContent-Length: 20000000\r\n\r\n")]
    public async Task A_body_over_16_MiB_is_refused_with_413_before_it_is_read(string head)
    {
        var echo = new EchoPlatform();
        using var server = echo.Serve();
        using var connection = await RawConnection.OpenAsync(server);

        await connection.SendAsync(head);

        // No 100 Continue either: the refusal is the first thing the client hears.
        await AssertRefusedAsync(connection, "HTTP/1.1 413 Content Too Large");
        Assert.Empty(echo.Received);
    }

    [Theory]
    [InlineData("GARBAGE\r\n\r\n")]
    [InlineData("GET  /echo HTTP/1.1\r\n\r\n")]
    [InlineData("GET /echo HTTP/1.1 \r\n\r\n")]
    [InlineData("GET /echo HTTP/1.1 extra\r\n\r\n")]
    [InlineData("GET /echo\r\n\r\n")]
    [InlineData("GET /echo HTTX/1.1\r\n\r\n")]
    [InlineData("GET echo HTTP/1.1\r\n\r\n")]
    [InlineData("G@T /echo HTTP/1.1\r\n\r\n")]
    [InlineData("GET /echo\tx HTTP/1.1\r\n\r\n")]
    [InlineData("GET /echo HTTP/1.1\r\nNo colon here\r\n\r\n")]
    [InlineData("GET /echo HTTP/1.1\r\n: no name\r\n\r\n")]
    [InlineData("GET /echo HTTP/1.1\r\nName : space before the colon\r\n\r\n")]
    [InlineData("GET /echo HTTP/1.1\r\nX-A: 1\r\n folded continuation\r\n\r\n")]
    [InlineData("GET /echo HTTP/1.1\r\nX-A: bare\rreturn\r\n\r\n")]
    [InlineData("GET /echo HTTP/1.1\r\nX-A: nul\0byte\r\n\r\n")]
    [InlineData("POST /echo HTTP/1.1\r\nContent-Length: ten\r\n\r\n")]
    [InlineData("POST /echo HTTP/1.1\r\nContent-Length: -1\r\n\r\n")]
    [InlineData("POST /echo HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nhi")]
    [InlineData("POST /echo HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")]
    [InlineData("POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")]
    [InlineData("POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n0\r\n\r\n")]
    public async Task A_malformed_request_is_refused_with_400_and_the_connection_closed(string request)
    {
        var echo = new EchoPlatform();
        using var server = echo.Serve();
        using var connection = await RawConnection.OpenAsync(server);

        await connection.SendAsync(request);

        await AssertRefusedAsync(connection, "HTTP/1.1 400 Bad Request");
        Assert.Empty(echo.Received);
        await AssertStillServingAsync(server);
    }

    [Theory]
    [InlineData("GET /echo HTTP/2.0\r\n\r\n", "HTTP/1.1 505 HTTP Version Not Supported")]
    [InlineData("POST /echo HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", "HTTP/1.1 501 Not Implemented")]
    [InlineData("POST /echo HTTP/1.1\r\nExpect: a-miracle\r\nContent-Length: 1\r\n\r\n", "HTTP/1.1 417 Expectation Failed")]
    public async Task A_request_the_server_cannot_serve_is_refused_with_its_own_status(string request, string statusLine)
    {
        var echo = new EchoPlatform();
        using var server = echo.Serve();
        using var connection = await RawConnection.OpenAsync(server);

        await connection.SendAsync(request);

        await AssertRefusedAsync(connection, statusLine);
        Assert.Empty(echo.Received);
    }

    [Fact]
    public async Task Header_names_values_and_the_target_arrive_exactly_as_sent()
    {
        var echo = new EchoPlatform();
        using var server = echo.Serve();
        using var connection = await RawConnection.OpenAsync(server);

        await connection.SendAsync(
            "POST /echo/a%2Fb?q=a%20b&plus=+&empty= HTTP/1.1\r\n"
            + "Host: 127.0.0.1\r\n"
            + "Content-Type: application/json;charset=UTF-8\r\n"
            + "X-Odd:   a  ,b ;  c=\"d\"  \t\r\n"
            + "x-MiXeD-cAsE:\tvalue\twith\ttabs\r\n"
            + "X-Rep: one\r\n"
            + "x-rep: two,  three\r\n"
            + "X-Empty:\r\n"
            + "X-Name: Zoë Grüße\r\n"
            + "Content-Length: 2\r\n"
            + "\r\n{}");
        (await connection.ReadResponseAsync()).AssertOk();

        var request = echo.Single;
        Assert.Equal("POST", request.Method);
        Assert.Equal("/echo/a%2Fb?q=a%20b&plus=+&empty=", request.PathAndQuery);
        Assert.Equal("application/json;charset=UTF-8", request.Header("content-type"));
        Assert.Equal("a  ,b ;  c=\"d\"", request.Header("X-Odd"));
        Assert.Equal("value\twith\ttabs", request.Header("X-Mixed-Case"));
        Assert.Contains("x-MiXeD-cAsE", request.Headers.Keys);
        Assert.Equal("one, two,  three", request.Header("X-Rep"));
        Assert.Equal(string.Empty, request.Header("X-Empty"));
        Assert.Equal("Zoë Grüße", request.Header("X-Name"));
        Assert.Equal("{}", request.BodyText);
    }

    [Fact]
    public async Task An_absolute_form_target_is_cut_to_its_path_and_query()
    {
        var echo = new EchoPlatform();
        using var server = echo.Serve();
        using var connection = await RawConnection.OpenAsync(server);

        await connection.SendAsync($"GET http://127.0.0.1:{server.Port}/echo?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        (await connection.ReadResponseAsync()).AssertOk();
        await connection.SendAsync($"GET http://127.0.0.1:{server.Port}?x=2 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        (await connection.ReadResponseAsync()).AssertOk();

        Assert.Equal(new[] { "/echo?x=1", "/?x=2" }, echo.Received.Select(r => r.PathAndQuery));
    }

    [Fact]
    public async Task Bare_line_feeds_and_empty_lines_before_the_request_line_are_tolerated()
    {
        var echo = new EchoPlatform();
        using var server = echo.Serve();
        using var connection = await RawConnection.OpenAsync(server);

        await connection.SendAsync("\r\n\nGET /lf HTTP/1.1\nHost: 127.0.0.1\nX-A: b\n\n");

        (await connection.ReadResponseAsync()).AssertOk();
        Assert.Equal("b", echo.Single.Header("X-A"));
    }

    [Theory]
    [InlineData(200, "HTTP/1.1 200 OK")]
    [InlineData(404, "HTTP/1.1 404 Not Found")]
    [InlineData(429, "HTTP/1.1 429 Too Many Requests")]
    [InlineData(460, "HTTP/1.1 460 Unknown")]
    [InlineData(461, "HTTP/1.1 461 Failed Request")]
    [InlineData(462, "HTTP/1.1 462 Session Expired")]
    [InlineData(463, "HTTP/1.1 463 Key Revoked")]
    [InlineData(503, "HTTP/1.1 503 Service Unavailable")]
    [InlineData(299, "HTTP/1.1 299 ")]
    public async Task An_answer_has_a_reason_phrase_its_content_type_a_byte_length_and_its_extra_headers(int status, string statusLine)
    {
        using var server = new EchoPlatform().Serve();
        using var connection = await RawConnection.OpenAsync(server);

        await connection.SendAsync($"GET /echo?status={status} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        var answer = await connection.ReadResponseAsync();

        Assert.Equal(statusLine, answer.StatusLine);
        Assert.Equal("application/json; charset=utf-8", answer.Header("Content-Type"));
        Assert.Equal(answer.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.Header("Content-Length"));
        Assert.Equal("yes", answer.Header("X-Echo"));
        Assert.Equal(EchoPlatform.Greeting, (string)answer.Object["greeting"]!);
    }

    [Fact]
    public async Task HttpClient_reads_ivvy_statuses_with_their_reason_phrases()
    {
        using var server = new EchoPlatform().Serve();
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(server.BaseAddress, "echo?status=462"));

        Assert.Equal(462, (int)response.StatusCode);
        Assert.Equal("Session Expired", response.ReasonPhrase);
        Assert.Equal(EchoPlatform.Greeting, (string)Newtonsoft.Json.Linq.JObject.Parse(await response.Content.ReadAsStringAsync())["greeting"]!);
    }

    [Fact]
    public async Task A_head_request_gets_the_headers_without_the_body()
    {
        using var server = new EchoPlatform().Serve();
        using var connection = await RawConnection.OpenAsync(server);

        await connection.SendAsync("HEAD /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        var head = await RawHeadOnlyAsync(connection);

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", head);
        Assert.Contains("\r\nContent-Length: ", head);
        Assert.EndsWith("\r\n\r\n", head);
    }

    [Fact]
    public async Task A_dropped_connection_gives_a_raw_client_a_reset_and_not_one_byte()
    {
        var echo = new EchoPlatform();
        using var server = echo.Serve(SandboxFault.DropConnection);
        using var connection = await RawConnection.OpenAsync(server);

        await connection.SendAsync(Get);
        var (bytes, reset) = await connection.ReadToEndAsync();

        Assert.Empty(bytes);
        Assert.True(reset, "the connection ends with a reset");
    }

    [Fact]
    public async Task A_dropped_connection_gives_HttpClient_an_exception_and_not_a_response()
    {
        using var server = new EchoPlatform().Serve(SandboxFault.DropConnection);
        using var client = new HttpClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(server.BaseAddress, "echo")));
    }

    [Fact]
    public async Task Disposing_the_server_resets_a_hanging_request_without_one_byte_and_promptly()
    {
        var echo = new EchoPlatform();
        var server = echo.Serve(SandboxFault.Timeout);
        using var connection = await RawConnection.OpenAsync(server);
        await connection.SendAsync(Get);
        await WaitUntilAsync(() => echo.Log.TotalCount == 1);
        var reading = connection.ReadToEndAsync();
        await Task.Delay(100);
        Assert.False(reading.IsCompleted, "a hanging request gets nothing while the server runs");

        var stopwatch = Stopwatch.StartNew();
        server.Dispose();
        var (bytes, reset) = await reading;

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"Dispose took {stopwatch.Elapsed}");
        Assert.Empty(bytes);
        Assert.True(reset, "the connection ends with a reset");
    }

    [Fact]
    public async Task Disposing_the_server_ends_idle_kept_alive_connections_and_stops_accepting()
    {
        var server = new EchoPlatform().Serve();
        using var connection = await RawConnection.OpenAsync(server);
        await connection.SendAsync(Get);
        (await connection.ReadResponseAsync()).AssertOk();

        server.Dispose();

        Assert.Empty((await connection.ReadToEndAsync()).Bytes);
        await Assert.ThrowsAnyAsync<SocketException>(async () =>
        {
            using var late = new TcpClient();
            await late.ConnectAsync(IPAddress.Loopback, server.Port);
        });
        server.Dispose();
    }

    [Fact]
    public async Task Clients_that_leave_mid_request_do_not_disturb_the_server()
    {
        var echo = new EchoPlatform();
        using var server = echo.Serve();
        foreach (var partial in new[] { string.Empty, "GET /ech", "GET /echo HTTP/1.1\r\nHost: 1", "POST /echo HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc" })
        {
            using var connection = await RawConnection.OpenAsync(server);
            await connection.SendAsync(partial);
        }

        await AssertStillServingAsync(server);
        Assert.Single(echo.Received);
    }

    /// <summary>The refusal, marked as the connection's last answer, and then a clean close.</summary>
    private static async Task AssertRefusedAsync(RawConnection connection, string statusLine)
    {
        var answer = await connection.ReadResponseAsync();
        Assert.Equal(statusLine, answer.StatusLine);
        Assert.Equal("close", answer.Header("Connection"));
        Assert.Equal("text/plain; charset=utf-8", answer.Header("Content-Type"));
        Assert.NotEmpty(answer.Text);
        var (after, _) = await connection.ReadToEndAsync();
        Assert.Empty(after);
    }

    private static async Task AssertStillServingAsync(SandboxLoopbackServer server)
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(new Uri(server.BaseAddress, "echo"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Everything until the server closes, as text (a HEAD answer has a length but no body to read).</summary>
    private static async Task<string> RawHeadOnlyAsync(RawConnection connection) =>
        Encoding.UTF8.GetString((await connection.ReadToEndAsync()).Bytes);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "timed out waiting");
    }
}
