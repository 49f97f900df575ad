using LeadPS.Pacing;

namespace LeadPS.Core.Tests.Pacing;

public class RetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 21, 7, 27, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("120", 120)]
    [InlineData(" 0 ", 0)]
    [InlineData("Wed, 21 Oct 2026 07:28:00 GMT", 60)]
    [InlineData("Wed, 21 Oct 2026 07:26:00 GMT", 0)]
    public void Retry_After_is_read_in_seconds_and_in_date_form(string value, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryPolicy.ParseRetryAfter(value, Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-5")]
    public void Unreadable_Retry_After_is_ignored(string? value) => Assert.Null(RetryPolicy.ParseRetryAfter(value, Now));

    [Fact]
    public void Backoff_grows_exponentially_with_jitter_and_a_ceiling()
    {
        var policy = new RetryPolicy(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), seed: 1);

        for (var retry = 1; retry <= 10; retry++)
        {
            var ceiling = Math.Min(Math.Pow(2, retry - 1), 30);
            var delay = policy.GetDelay(retry).TotalSeconds;
            Assert.InRange(delay, ceiling / 2, ceiling);
        }
    }

    [Fact]
    public void Retry_After_wins_over_backoff_but_is_capped()
    {
        var policy = new RetryPolicy(3, maximumDelay: TimeSpan.FromSeconds(60));
        Assert.Equal(TimeSpan.FromSeconds(5), policy.GetDelay(3, TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromSeconds(60), policy.GetDelay(1, TimeSpan.FromHours(1)));
    }
}
