using System.Security;
using LeadPS.Http;
using LeadPS.Pacing;
using LeadPS.Core.Tests.Pacing;

namespace LeadPS.Core.Tests.Http;

public static class TestConnections
{
    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        return secure;
    }

    public static LeadApiConnection Create(
        LeadPlatform platform,
        HttpMessageHandler handler,
        string user = "user@example.test",
        string secret = "s3cret-token",
        int retries = 2,
        Func<DateTimeOffset>? utcNow = null,
        IPacingClock? clock = null,
        int? requestsPerMinute = 0) =>
        new(new LeadApiConnectionOptions(platform, user, Secure(secret))
        {
            Handler = handler,
            HandlerDescription = "test handler",
            BaseAddress = new Uri(platform == LeadPlatform.Copper ? "https://copper.test/developer_api/v1/" : "https://ivvy.test/"),
            MaximumRetryCount = retries,
            UtcNow = utcNow,
            PacingClock = clock ?? new VirtualClock(),
            RequestsPerMinute = requestsPerMinute,
        });
}
