using System.Management.Automation;
using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Commands;

/// <summary>Each row of the design's error table, through the cmdlets against the Sandbox.</summary>
public sealed class ErrorContractTests : IDisposable
{
    private readonly SandboxSession _s = new();

    public void Dispose() => _s.Dispose();

    public static TheoryData<string, string, ErrorCategory, Type, int?> PlatformErrors => new()
    {
        // script, ErrorId, category, exception type, platform code
        { "@{ name = 'Bad source'; contactId = 208; industryId = 22; sourceId = 9999; typeId = 43; stageId = 51 } | Set-Lead -Connection $ivvy", "LeadInvalid", ErrorCategory.InvalidData, typeof(LeadPlatformException), 24218 },
        { "Set-Lead -Connection $ivvy -Id 424242 -Name 'Ghost'", "LeadNotFound", ErrorCategory.ObjectNotFound, typeof(LeadPlatformException), 24216 },
        { "@{ name = 'Typed'; companyId = 101; companyLeadContactId = 201; sourceId = 31; typeId = 43; stageId = 51; company = @{ id = 101; businessName = @(1) } } | Set-Lead -Connection $ivvy", "ParameterInvalid", ErrorCategory.InvalidArgument, typeof(LeadPlatformException), 23016 },
        { "@{ name = 'New company'; sourceId = 31; typeId = 43; stageId = 51; companyLeadContactId = 201; company = @{ email = 'x@company.example' } } | Set-Lead -Connection $ivvy", "ParameterMissing", ErrorCategory.InvalidArgument, typeof(LeadPlatformException), 23017 },
        { "@{ name = 'Bad status'; status_id = 1 } | Set-Lead -Connection $copper", "LeadInvalid", ErrorCategory.InvalidData, typeof(LeadApiException), null },
        { "Set-Lead -Connection $copper -Id 424242 -Name 'Ghost'", "LeadNotFound", ErrorCategory.ObjectNotFound, typeof(LeadApiException), null },
    };

    [Theory]
    [MemberData(nameof(PlatformErrors))]
    public void Platform_errors_become_typed_records_with_the_platform_message(string script, string errorId, ErrorCategory category, Type exceptionType, int? platformCode)
    {
        var result = _s.Run(script + "; 'pipeline continued'");

        Assert.Equal("pipeline continued", Assert.Single(result.Output).ToString());
        var record = Assert.Single(result.Errors);
        Assert.Equal(errorId, record.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(category, record.CategoryInfo.Category);
        var exception = Assert.IsAssignableFrom<LeadApiException>(record.Exception);
        Assert.Equal(exceptionType, exception.GetType());
        Assert.Equal(platformCode, exception.PlatformCode);
        Assert.StartsWith(exception.ServerMessage!, record.ErrorDetails.Message);
        Assert.All(exception.AdditionalMessages, m => Assert.Contains(m, record.ErrorDetails.Message));
        Assert.NotNull(exception.ResponseBody);
    }

    [Fact]
    public void Ivvy_additional_messages_say_which_rule_failed()
    {
        var result = _s.Run("@{ name = 'Bad source'; contactId = 208; industryId = 22; sourceId = 9999; typeId = 43; stageId = 51 } | Set-Lead -Connection $ivvy");

        Assert.Equal("The lead details are invalid: 'sourceId' 9999 is not a lead source", Assert.Single(result.Errors).ErrorDetails.Message);
    }

    [Fact]
    public void An_empty_input_is_LeadRequestEmpty_and_sends_nothing()
    {
        var before = _s.IvvySandbox.Requests.TotalCount;

        var result = _s.Run("@{}, [pscustomobject]@{} | Set-Lead -Connection $ivvy");

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, r => Assert.Equal("LeadRequestEmpty", r.FullyQualifiedErrorId.Split(',')[0]));
        Assert.All(result.Errors, r => Assert.Equal(ErrorCategory.InvalidArgument, r.CategoryInfo.Category));
        Assert.Equal(before, _s.IvvySandbox.Requests.TotalCount);
    }

    [Fact]
    public void A_credential_revoked_mid_run_is_LeadApiUnauthorized_per_input()
    {
        var result = _s.Run("""
            $copper.Sandbox.Options.CopperApiToken = 'rotated-by-an-admin'
            @{ name = 'A'; email = 'a@example.test' }, @{ name = 'B'; email = 'b@example.test' } | Invoke-LeadUpsert -Connection $copper
            """);

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, r =>
        {
            Assert.Equal("LeadApiUnauthorized", r.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.AuthenticationError, r.CategoryInfo.Category);
            Assert.IsType<LeadApiUnauthorizedException>(r.Exception);
        });
    }

    [Fact]
    public void Still_throttled_after_twice_the_window_is_LeadApiThrottled()
    {
        // Every request is answered 429; 429s are retried for twice the window (2 s at TimeScale 60), whatever -MaximumRetryCount says.
        var result = _s.Run("""
            $t = Connect-LeadApi -Platform Copper -Sandbox -Name throttled -PassThru -MaximumRetryCount 0 -SandboxOption @{ TimeScale = 60; Faults = 'TooManyRequests'; FaultRate = 0 }
            $t.Sandbox.Options.FaultRate = 1
            1..2 | ForEach-Object { @{ name = "T$_"; email = "t$_@example.test" } } | Invoke-LeadUpsert -Connection $t -ThrottleLimit 1 -WarningAction SilentlyContinue
            """);

        Assert.Empty(result.Output);
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains("twice the 60 s rate window", result.Errors[0].Exception.Message);
        Assert.All(result.Errors, r =>
        {
            Assert.Equal("LeadApiThrottled", r.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.LimitsExceeded, r.CategoryInfo.Category);
            Assert.IsType<LeadApiThrottledException>(r.Exception);
        });
    }

    [Fact]
    public void Server_errors_after_the_retry_budget_are_LeadApiUnavailable()
    {
        var result = _s.Run("""
            $u = Connect-LeadApi -Platform Copper -Sandbox -Name failing -PassThru -MaximumRetryCount 1 -SandboxOption @{ Faults = 'ServerError'; FaultRate = 0 }
            $u.Sandbox.Options.FaultRate = 1
            @{ name = 'U'; email = 'u@example.test' } | Invoke-LeadUpsert -Connection $u
            $u.Sandbox.Requests.TotalCount
            """);

        var record = Assert.Single(result.Errors);
        Assert.Equal("LeadApiUnavailable", record.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.ConnectionError, record.CategoryInfo.Category);
        Assert.Equal(503, Assert.IsType<LeadApiUnavailableException>(record.Exception).StatusCode);
        Assert.Equal(4L, (long)Assert.Single(result.Output).BaseObject); // account, definitions, the upsert and its one retry
    }
}
