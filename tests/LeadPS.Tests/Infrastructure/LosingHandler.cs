using LeadPS.Http;
using LeadPS.Sandbox;

namespace LeadPS.Tests.Infrastructure;

/// <summary>
/// Sits between a connection and its Sandbox and loses the answers to chosen requests: after the
/// Sandbox processed them (the dangerous case for an add) or before it saw them.
/// </summary>
public sealed class LosingHandler : DelegatingHandler
{
    private readonly Func<HttpRequestMessage, bool> _isTarget;
    private readonly bool _afterProcessing;
    private int _toLose;

    public LosingHandler(LeadSandbox sandbox, Func<HttpRequestMessage, bool> isTarget, int toLose, bool afterProcessing)
        : base(sandbox.CreateHandler())
    {
        _isTarget = isTarget;
        _toLose = toLose;
        _afterProcessing = afterProcessing;
    }

    public int Lost { get; private set; }

    public static LeadApiConnection Connect(LeadSandbox sandbox, HttpMessageHandler handler, int retries = 2)
    {
        var (user, secret) = sandbox.Platform == LeadPlatform.Copper ? ("dup@example.test", "dup-token") : ("DUPKEY", "dup-secret");
        return new LeadApiConnection(new LeadApiConnectionOptions(sandbox.Platform, user, Secrets.Secure(secret))
        {
            Name = "losing",
            Handler = handler,
            Sandbox = sandbox,
            BaseAddress = sandbox.InMemoryBaseAddress,
            RequestsPerMinute = 0,
            MaximumRetryCount = retries,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        });
    }

    public static SandboxOptions OptionsFor(LeadPlatform platform) => platform == LeadPlatform.Copper
        ? new SandboxOptions { CopperUserEmail = "dup@example.test", CopperApiToken = "dup-token" }
        : new SandboxOptions { IvvyApiKey = "DUPKEY", IvvyApiSecret = "dup-secret" };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_isTarget(request) || Interlocked.Decrement(ref _toLose) < 0)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        Lost++;
        if (_afterProcessing)
        {
            using var processed = await base.SendAsync(request, cancellationToken);
        }

        throw new HttpRequestException("The connection was reset before the answer arrived (test).");
    }
}
