using LeadPS.Http;
using LeadPS.Ivvy;

namespace LeadPS.Core.Tests.Ivvy;

public class IvvyErrorTranslatorTests
{
    private static readonly ApiRequest AddOrUpdate = IvvyAdapter.Call("contact", "addOrUpdateLead", "{}", false);
    private readonly IvvyErrorTranslator _translator = new(new SecretRedactor(() => new[] { "iv-secret" }));

    [Theory]
    [InlineData(24215, 400, LeadErrorKind.RequestEmpty)]
    [InlineData(24216, 400, LeadErrorKind.NotFound)]
    [InlineData(24218, 400, LeadErrorKind.Invalid)]
    [InlineData(23005, 401, LeadErrorKind.RequestStale)]
    [InlineData(23016, 400, LeadErrorKind.ParameterInvalid)]
    [InlineData(23017, 400, LeadErrorKind.ParameterMissing)]
    public void Specific_codes_become_platform_exceptions(int code, int status, LeadErrorKind kind)
    {
        var body = $"{{\"errorCode\":{status},\"message\":\"'id' does not validate\",\"specificCode\":{code},\"additionalMessages\":[\"Value must be a whole number\"]}}";
        var error = Assert.IsType<LeadPlatformException>(_translator.Translate(new ApiResponse(status, body), AddOrUpdate));

        Assert.Equal(code, error.PlatformCode);
        Assert.Equal(kind, error.ErrorKind);
        Assert.Equal("'id' does not validate", error.ServerMessage);
        Assert.Equal(new[] { "Value must be a whole number" }, error.AdditionalMessages);
        Assert.Contains("Value must be a whole number", error.Message);
    }

    [Fact]
    public void An_error_body_under_a_200_status_is_still_an_error()
    {
        var error = _translator.Translate(new ApiResponse(200, "{\"errorCode\":400,\"message\":\"The lead does not exist\",\"specificCode\":24216}"), AddOrUpdate);

        Assert.Equal(LeadErrorKind.NotFound, Assert.IsType<LeadPlatformException>(error).ErrorKind);
    }

    [Theory]
    [InlineData(401, LeadErrorKind.Unauthorized)]
    [InlineData(462, LeadErrorKind.Unauthorized)]
    [InlineData(463, LeadErrorKind.Unauthorized)]
    [InlineData(403, LeadErrorKind.Forbidden)]
    [InlineData(429, LeadErrorKind.Throttled)]
    [InlineData(500, LeadErrorKind.Unavailable)]
    [InlineData(461, LeadErrorKind.Unknown)]
    public void Error_codes_without_a_specific_code_map_by_status(int errorCode, LeadErrorKind kind)
    {
        var error = _translator.Translate(new ApiResponse(errorCode, $"{{\"errorCode\":{errorCode},\"message\":\"m\"}}"), AddOrUpdate)!;

        Assert.Equal(kind, error.ErrorKind);
        Assert.Equal(errorCode, error.StatusCode);
    }

    [Fact]
    public void A_429_race_condition_code_is_throttling_and_keeps_its_code()
    {
        var error = Assert.IsType<LeadApiThrottledException>(_translator.Translate(new ApiResponse(429, "{\"errorCode\":429,\"message\":\"race\",\"specificCode\":24299}"), AddOrUpdate));
        Assert.Equal(24299, error.PlatformCode);
    }

    [Fact]
    public void Success_bodies_are_not_errors() =>
        Assert.Null(_translator.Translate(new ApiResponse(200, "{\"success\":true,\"id\":12}"), AddOrUpdate));

    [Fact]
    public void Malformed_error_bodies_still_give_a_typed_error()
    {
        var error = _translator.Translate(new ApiResponse(500, "<html>oops"), AddOrUpdate)!;
        Assert.IsType<LeadApiUnavailableException>(error);
        Assert.Equal(500, error.StatusCode);
    }
}
