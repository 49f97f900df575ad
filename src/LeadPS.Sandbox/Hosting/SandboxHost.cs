using System;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Hosting
{
    /// <summary>
    /// Runs one request through the Sandbox, whatever the transport: latency, injected faults,
    /// the platform emulator, and the request log.
    /// </summary>
    public sealed class SandboxHost
    {
        private readonly ISandboxPlatform _platform;
        private readonly SandboxOptions _options;
        private readonly SandboxClock _clock;
        private readonly FaultInjector _faults;

        public SandboxHost(ISandboxPlatform platform, SandboxOptions options, SandboxClock clock, SandboxRequestLog log)
        {
            _platform = platform ?? throw new ArgumentNullException(nameof(platform));
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            Log = log ?? throw new ArgumentNullException(nameof(log));
            _faults = new FaultInjector(options);
        }

        public SandboxRequestLog Log { get; }

        public async Task<SandboxExchange> ProcessAsync(SandboxRequest request, CancellationToken cancellationToken)
        {
            var receivedAt = _clock.UtcNow;
            if (_options.Latency > TimeSpan.Zero)
            {
                await Task.Delay(_options.Latency, cancellationToken).ConfigureAwait(false);
            }

            var (fault, afterProcessing) = _faults.Next();
            SandboxResponse? processed = null;
            if (fault == SandboxFault.None || afterProcessing)
            {
                processed = _platform.Handle(request);
            }

            var exchange = Exchange(fault, processed);
            Log.Add(receivedAt, request, exchange.Response?.StatusCode, fault, processed != null);
            return exchange;
        }

        private static SandboxExchange Exchange(SandboxFault fault, SandboxResponse? processed)
        {
            switch (fault)
            {
                case SandboxFault.None:
                    return SandboxExchange.Answer(processed!);
                case SandboxFault.ServerError:
                    return SandboxExchange.Answer(FaultBody(503, "Service temporarily unavailable (Sandbox fault)."), fault);
                case SandboxFault.TooManyRequests:
                    return SandboxExchange.Answer(FaultBody(429, "Too many requests (Sandbox fault)."), fault);
                case SandboxFault.MalformedBody:
                    var body = processed?.Body ?? "{}";
                    return SandboxExchange.Answer(new SandboxResponse(200, body.Substring(0, body.Length / 2) + "<html>"), fault);
                default:
                    return SandboxExchange.Without(fault);
            }
        }

        // Both platforms' error layouts in one body: Copper reads status/message, iVvy errorCode/message.
        private static SandboxResponse FaultBody(int status, string message) =>
            SandboxResponse.Json(status, new JObject
            {
                ["success"] = false,
                ["status"] = status,
                ["errorCode"] = status,
                ["message"] = message,
                ["specificCode"] = null,
            });
    }
}
