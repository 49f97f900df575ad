using System.Text;
using LeadPS.Sandbox.Hosting;

namespace LeadPS.Sandbox.Tests.Hosting;

/// <summary><see cref="SandboxRequest"/>: path, query and headers as the emulators read them.</summary>
public sealed class SandboxRequestParsingTests
{
    private static SandboxRequest Request(string pathAndQuery, IReadOnlyDictionary<string, string>? headers = null, byte[]? body = null, string method = "GET") =>
        new SandboxRequest(method, pathAndQuery, headers ?? new Dictionary<string, string>(), body!);

    [Fact]
    public void The_path_stops_at_the_query_and_the_original_is_kept_as_sent()
    {
        var request = Request("/api/1.0/crm?action=getLeadList&x=%2F");

        Assert.Equal("/api/1.0/crm", request.Path);
        Assert.Equal("/api/1.0/crm?action=getLeadList&x=%2F", request.PathAndQuery);
    }

    [Fact]
    public void Without_a_query_the_path_is_everything_and_the_query_is_empty()
    {
        var request = Request("/developer_api/v1/leads/8982702");

        Assert.Equal("/developer_api/v1/leads/8982702", request.Path);
        Assert.Empty(request.Query);

        var trailing = Request("/developer_api/v1/account?");
        Assert.Equal("/developer_api/v1/account", trailing.Path);
        Assert.Empty(trailing.Query);
    }

    [Fact]
    public void Query_values_are_unescaped_and_plus_is_a_space()
    {
        var request = Request("/p?action=get%20Lead&name=a+b&plus=%2B1&amp=x%26y&equals=a%3Db=c&flag&empty=");

        Assert.Equal("get Lead", request.Query["action"]);
        Assert.Equal("a b", request.Query["name"]);
        Assert.Equal("+1", request.Query["plus"]);
        Assert.Equal("x&y", request.Query["amp"]);
        Assert.Equal("a=b=c", request.Query["equals"]);
        Assert.Equal(string.Empty, request.Query["flag"]);
        Assert.Equal(string.Empty, request.Query["empty"]);
        Assert.Equal(7, request.Query.Count);
    }

    [Fact]
    public void Query_names_are_unescaped_and_case_insensitive_and_the_last_repeat_wins()
    {
        var request = Request("/p?%61ction=ping&Page=1&page=2&&");

        Assert.Equal("ping", request.Query["ACTION"]);
        Assert.Equal("2", request.Query["PAGE"]);
        Assert.Equal(2, request.Query.Count);
    }

    [Fact]
    public void Header_names_are_case_insensitive_and_values_are_kept_raw()
    {
        var request = Request("/p", new Dictionary<string, string>
        {
            ["Content-Type"] = "application/json;  charset=UTF-8",
            ["IVVY-Date"] = "2024-01-02 03:04:05 UTC",
        });

        Assert.Equal("application/json;  charset=UTF-8", request.Header("content-type"));
        Assert.Equal("application/json;  charset=UTF-8", request.Headers["CONTENT-TYPE"]);
        Assert.Equal("2024-01-02 03:04:05 UTC", request.Header("ivvy-date"));
        Assert.True(request.Headers.ContainsKey("Ivvy-Date"));
        Assert.Null(request.Header("X-Missing"));
    }

    [Fact]
    public void Headers_are_copied_so_later_changes_to_the_source_do_not_leak_in()
    {
        var source = new Dictionary<string, string> { ["X-PW-UserEmail"] = "a@example.test" };
        var request = Request("/p", source);

        source["X-PW-UserEmail"] = "b@example.test";
        source["X-Extra"] = "late";

        Assert.Equal("a@example.test", request.Header("x-pw-useremail"));
        Assert.Null(request.Header("X-Extra"));
    }

    [Fact]
    public void A_case_sensitive_source_with_two_spellings_keeps_one_header()
    {
        var source = new Dictionary<string, string>(StringComparer.Ordinal) { ["x-trace"] = "first", ["X-Trace"] = "second" };

        var request = Request("/p", source);

        Assert.Single(request.Headers);
        Assert.Contains(request.Header("X-TRACE"), new[] { "first", "second" });
    }

    [Fact]
    public void The_method_is_upper_case_and_the_body_is_the_exact_bytes()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"name\":\"Zoë\"}");
        var request = Request("/p", body: bytes, method: "put");

        Assert.Equal("PUT", request.Method);
        Assert.Equal(bytes, request.Body);
        Assert.Equal("{\"name\":\"Zoë\"}", request.BodyText);
    }

    [Fact]
    public void No_body_and_no_headers_are_empty_not_null()
    {
        var request = new SandboxRequest("POST", "/api/1.0/test?action=ping", null!, null!);

        Assert.Empty(request.Body);
        Assert.Equal(string.Empty, request.BodyText);
        Assert.Empty(request.Headers);
        Assert.Equal("ping", request.Query["action"]);
    }

    [Fact]
    public void Method_and_path_are_required()
    {
        Assert.Throws<ArgumentNullException>(() => new SandboxRequest(null!, "/p", null!, null!));
        Assert.Throws<ArgumentNullException>(() => new SandboxRequest("GET", null!, null!, null!));
    }
}
