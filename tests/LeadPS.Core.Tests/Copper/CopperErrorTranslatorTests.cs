using System.Net.Http;
using LeadPS.Copper;
using LeadPS.Http;

namespace LeadPS.Core.Tests.Copper;

public class CopperErrorTranslatorTests
{
    private static readonly ApiRequest Upsert = new(HttpMethod.Put, "leads/upsert", "{}", true);
    private static readonly ApiRequest Update = new(HttpMethod.Put, "leads/42", "{}", true);
    private readonly CopperErrorTranslator _translator = new(new SecretRedactor(() => new[] { "tok-secret" }));

    [Fact]
    public void Success_is_no_error() => Assert.Null(_translator.Translate(new ApiResponse(200, "{}"), Upsert));

    [Theory]
    [InlineData("{\"success\":false,\"status\":422,\"message\":\"Multiple leads match the criteria: 8982702, 8982703\"}", new long[] { 8982702, 8982703 })]
    [InlineData("{\"success\":false,\"status\":422,\"message\":\"Conflict\",\"ids\":[11,12,13]}", new long[] { 11, 12, 13 })]
    [InlineData("{\"success\":false,\"status\":422,\"message\":\"Conflict\",\"data\":{\"matches\":[{\"id\":501},{\"id\":502}]}}", new long[] { 501, 502 })]
    public void An_upsert_422_with_ids_is_a_match_conflict_listing_them(string body, long[] ids)
    {
        var error = Assert.IsType<LeadMatchConflictException>(_translator.Translate(new ApiResponse(422, body), Upsert));

        Assert.Equal(ids, error.MatchingLeadIds);
        Assert.False(error.MatchCountExceedsLimit);
        Assert.Equal(LeadErrorKind.MatchConflict, error.ErrorKind);
        Assert.Equal(422, error.StatusCode);
    }

    [Theory]
    [InlineData("{\"success\":false,\"status\":422,\"message\":\"More than 30 leads match the criteria\"}")]
    [InlineData("{\"success\":false,\"status\":422,\"message\":\"Too many matches\"}")]
    public void An_upsert_422_without_ids_is_a_conflict_over_the_limit(string body)
    {
        var error = Assert.IsType<LeadMatchConflictException>(_translator.Translate(new ApiResponse(422, body), Upsert));

        Assert.Empty(error.MatchingLeadIds);
        Assert.True(error.MatchCountExceedsLimit);
    }

    [Fact]
    public void An_upsert_validation_422_is_not_a_conflict()
    {
        var error = _translator.Translate(new ApiResponse(422, "{\"success\":false,\"status\":422,\"message\":\"Invalid input: Validation errors: name: can't be blank\"}"), Upsert)!;

        Assert.IsNotType<LeadMatchConflictException>(error);
        Assert.Equal(LeadErrorKind.Invalid, error.ErrorKind);
        Assert.Equal("Invalid input: Validation errors: name: can't be blank", error.ServerMessage);
    }

    [Theory]
    [InlineData(401, LeadErrorKind.Unauthorized, typeof(LeadApiUnauthorizedException))]
    [InlineData(403, LeadErrorKind.Forbidden, typeof(LeadApiUnauthorizedException))]
    [InlineData(404, LeadErrorKind.NotFound, typeof(LeadApiException))]
    [InlineData(422, LeadErrorKind.Invalid, typeof(LeadApiException))]
    [InlineData(429, LeadErrorKind.Throttled, typeof(LeadApiThrottledException))]
    [InlineData(500, LeadErrorKind.Unavailable, typeof(LeadApiUnavailableException))]
    [InlineData(503, LeadErrorKind.Unavailable, typeof(LeadApiUnavailableException))]
    [InlineData(418, LeadErrorKind.Unknown, typeof(LeadApiException))]
    public void Statuses_map_to_kinds_and_types(int status, LeadErrorKind kind, Type type)
    {
        var error = _translator.Translate(new ApiResponse(status, $"{{\"success\":false,\"status\":{status},\"message\":\"Resource not found\"}}"), Update)!;

        Assert.IsType(type, error);
        Assert.Equal(kind, error.ErrorKind);
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(LeadPlatform.Copper, error.Platform);
        Assert.Equal("PUT /leads/42", error.Request);
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("")]
    [InlineData("{\"unexpected\":")]
    public void Malformed_bodies_still_give_a_typed_error(string body)
    {
        var error = _translator.Translate(new ApiResponse(502, body), Update)!;

        Assert.IsType<LeadApiUnavailableException>(error);
        Assert.Contains("502", error.Message);
        Assert.Equal(body, error.ResponseBody);
    }

    [Fact]
    public void Secrets_in_bodies_are_redacted()
    {
        var error = _translator.Translate(new ApiResponse(401, "{\"message\":\"bad token TOK-SECRET\"}"), Update)!;

        Assert.DoesNotContain("tok-secret", error.ResponseBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tok-secret", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
