using System;
using System.Net;
using System.Net.Http;
using System.Security;
using LeadPS.Pacing;

namespace LeadPS.Http
{
    /// <summary>Everything a <see cref="LeadApiConnection"/> is made from.</summary>
    public sealed class LeadApiConnectionOptions
    {
        public const int DefaultCopperRequestsPerMinute = 180;
        public const int DefaultMaximumRetryCount = 4;

        /// <summary>Copper's rolling window.</summary>
        public static readonly TimeSpan DefaultRateWindow = TimeSpan.FromSeconds(60);

        public LeadApiConnectionOptions(LeadPlatform platform, string userName, SecureString secret)
        {
            if (string.IsNullOrWhiteSpace(userName))
            {
                throw new ArgumentException(
                    platform == LeadPlatform.Copper
                        ? "The credential's user name must be the e-mail address of the Copper user who owns the API token."
                        : "The credential's user name must be the iVvy API key.",
                    nameof(userName));
            }

            if (secret == null || secret.Length == 0)
            {
                throw new ArgumentException(
                    platform == LeadPlatform.Copper
                        ? "The credential's password must be the Copper API token; it is empty."
                        : "The credential's password must be the iVvy API secret; it is empty.",
                    nameof(secret));
            }

            Platform = platform;
            UserName = userName.Trim();
            Secret = secret.IsReadOnly() ? secret : CopyReadOnly(secret);
        }

        public LeadPlatform Platform { get; }

        /// <summary>Copper: the token owner's e-mail. iVvy: the API key.</summary>
        public string UserName { get; }

        /// <summary>Copper: the API token. iVvy: the API secret.</summary>
        public SecureString Secret { get; }

        /// <summary>The platform's address; null for the platform's default (Copper) or the region's (iVvy).</summary>
        public Uri? BaseAddress { get; set; }

        /// <summary>A name to find the connection by; defaults to the platform's name.</summary>
        public string? Name { get; set; }

        /// <summary>Requests allowed per <see cref="RateWindow"/>; null for the platform's budget (Copper 180, iVvy unpaced), 0 for none.</summary>
        public int? RequestsPerMinute { get; set; }

        /// <summary>The rolling window the budget is counted over (Copper: 60 s). 429s are retried for twice this long.</summary>
        public TimeSpan RateWindow { get; set; } = DefaultRateWindow;

        /// <summary>
        /// Where the account's pacing state is shared. Null: network connections share it with every
        /// process of the user on this machine (a file under the local application data folder);
        /// connections through <see cref="Handler"/> or on an injected <see cref="PacingClock"/> keep
        /// it to themselves.
        /// </summary>
        public IPacingStore? PacingStore { get; set; }

        /// <summary>Retries after failures other than 429 (5xx, timeouts, lost connections); 429s are retried for twice <see cref="RateWindow"/>.</summary>
        public int MaximumRetryCount { get; set; } = DefaultMaximumRetryCount;

        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

        public IWebProxy? Proxy { get; set; }

        /// <summary>
        /// Sends requests through this handler instead of the network (the Sandbox, tests). The
        /// connection takes ownership of it.
        /// </summary>
        public HttpMessageHandler? Handler { get; set; }

        /// <summary>A description of where requests go when <see cref="Handler"/> is set (e.g. <c>Sandbox</c>).</summary>
        public string? HandlerDescription { get; set; }

        /// <summary>The emulator behind <see cref="Handler"/>, when it is a Sandbox; exposed on the connection for assertions.</summary>
        public object? Sandbox { get; set; }

        /// <summary>The clock requests are dated with (iVvy signs the date); defaults to the system clock.</summary>
        public Func<DateTimeOffset>? UtcNow { get; set; }

        /// <summary>The clock pacing and backoff wait on; defaults to real time.</summary>
        public IPacingClock? PacingClock { get; set; }

        /// <summary>Base of the exponential backoff between retries.</summary>
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        private static SecureString CopyReadOnly(SecureString secret)
        {
            var copy = secret.Copy();
            copy.MakeReadOnly();
            return copy;
        }
    }
}
