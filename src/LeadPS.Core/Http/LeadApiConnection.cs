using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using LeadPS.Copper;
using LeadPS.Ivvy;
using LeadPS.Leads;
using LeadPS.Pacing;

namespace LeadPS.Http
{
    /// <summary>
    /// One authenticated connection to one platform account, and the single path every request
    /// takes: pacing, authentication, sending, error translation and retries. Owns one HttpClient.
    /// Safe to use from many threads at once.
    /// </summary>
    public sealed class LeadApiConnection : IDisposable
    {
        /// <summary>iVvy's specific code for a 429 caused by a race on its side.</summary>
        private const int IvvyRaceCode = 24299;

        private readonly HttpClient _http;
        private readonly IPlatformAdapter _adapter;
        private readonly AccountRateGate _rateGate;
        private readonly RetryPolicy _retryPolicy;
        private readonly IPacingClock _pacingClock;
        private readonly Func<DateTimeOffset> _utcNow;
        private CopperLeadService? _copperLeads;
        private IvvyLeadService? _ivvyLeads;

        public LeadApiConnection(LeadApiConnectionOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            Platform = options.Platform;
            Name = string.IsNullOrWhiteSpace(options.Name) ? options.Platform.ToString() : options.Name!.Trim();
            UserName = options.UserName;
            BaseAddress = WithTrailingSlash(options.BaseAddress ?? DefaultBaseAddress(options.Platform));
            IsSandbox = options.Sandbox != null;
            Sandbox = options.Sandbox;
            Endpoint = options.HandlerDescription ?? BaseAddress.ToString();
            if (options.Handler == null)
            {
                TransportSecurity.EnsureSecureAddress(BaseAddress);
            }

            if (options.MaximumRetryCount < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.MaximumRetryCount, "MaximumRetryCount cannot be negative.");
            }

            if (options.Timeout <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.Timeout, "The timeout must be longer than zero.");
            }

            var redactor = new SecretRedactor(() => new[] { SecretText.Reveal(options.Secret) });
            _adapter = options.Platform == LeadPlatform.Copper
                ? new CopperAdapter(options.UserName, options.Secret, redactor)
                : (IPlatformAdapter)new IvvyAdapter(options.UserName, options.Secret, redactor);

            _pacingClock = options.PacingClock ?? new SystemPacingClock();
            _utcNow = options.UtcNow ?? (() => DateTimeOffset.UtcNow);
            RequestsPerMinute = options.RequestsPerMinute ?? (options.Platform == LeadPlatform.Copper ? LeadApiConnectionOptions.DefaultCopperRequestsPerMinute : 0);
            if (options.RateWindow <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(options), options.RateWindow, "The rate window must be longer than zero.");
            }

            RateWindow = options.RateWindow;
            _rateGate = CreateRateGate(options);
            _retryPolicy = new RetryPolicy(options.MaximumRetryCount, options.RetryBaseDelay);
            MaximumRetryCount = options.MaximumRetryCount;
            Timeout = options.Timeout;

            _http = new HttpClient(options.Handler ?? CreateNetworkHandler(options), disposeHandler: true)
            {
                BaseAddress = BaseAddress,
                Timeout = options.Timeout,
            };
            _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("LeadPS", ModuleVersion));
            _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        }

        public string Name { get; }

        public LeadPlatform Platform { get; }

        /// <summary>Copper: the user's e-mail. iVvy: the API key (an identifier; the secret is never exposed).</summary>
        public string UserName { get; }

        public Uri BaseAddress { get; }

        /// <summary>Where requests go: the base address, or the handler's description (the Sandbox).</summary>
        public string Endpoint { get; }

        public bool IsSandbox { get; }

        /// <summary>The Sandbox serving this connection (its store, request log and knobs), or null.</summary>
        public object? Sandbox { get; }

        /// <summary>The pacing budget: requests per <see cref="RateWindow"/> (a minute unless set otherwise); 0 when requests are not paced.</summary>
        public int RequestsPerMinute { get; }

        /// <summary>The rolling window the budget is counted over.</summary>
        public TimeSpan RateWindow { get; }

        /// <summary>How long a request answered 429 may wait for the account's budget before it is reported as throttled: twice the window.</summary>
        public TimeSpan ThrottledRetryTime => TimeSpan.FromTicks(2 * RateWindow.Ticks);

        /// <summary>True when processes of this user on this machine share the account's budget (through a file); false when it is shared within this process only.</summary>
        public bool SharesPacingAcrossProcesses => !_rateGate.IsUnpaced && _rateGate.Store is FilePacingStore;

        /// <summary>Why requests on this connection's account wait right now (for progress), or null when none does.</summary>
        public PacingStatus? PacingStatus => _rateGate.Status;

        public int MaximumRetryCount { get; }

        public TimeSpan Timeout { get; }

        /// <summary>The account name the platform gave when the credential was verified.</summary>
        public string? AccountName { get; private set; }

        /// <summary>Copper lead operations over this connection (with its cached custom field definitions).</summary>
        internal CopperLeadService CopperLeads => Platform == LeadPlatform.Copper
            ? LazyInitializer.EnsureInitialized(ref _copperLeads, () => new CopperLeadService(this, IgnoredInputProperties.All))!
            : throw new InvalidOperationException($"'{Name}' is an {Platform.DisplayName()} connection, not Copper.");

        /// <summary>iVvy lead operations over this connection.</summary>
        internal IvvyLeadService IvvyLeads => Platform == LeadPlatform.Ivvy
            ? LazyInitializer.EnsureInitialized(ref _ivvyLeads, () => new IvvyLeadService(this, IgnoredInputProperties.All))!
            : throw new InvalidOperationException($"'{Name}' is a {Platform.DisplayName()} connection, not iVvy.");

        public static string ModuleVersion { get; } =
            typeof(LeadApiConnection).GetTypeInfo().Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

        public static Uri DefaultBaseAddress(LeadPlatform platform) =>
            platform == LeadPlatform.Copper ? new Uri(CopperAdapter.DefaultBaseAddress) : IvvyRegions.BaseAddress(IvvyRegion.AU);

        /// <summary>Proves the credential with the platform's cheapest authenticated call.</summary>
        public async Task VerifyCredentialAsync(CancellationToken cancellationToken)
        {
            var response = await SendAsync(_adapter.CredentialCheck, cancellationToken).ConfigureAwait(false);
            AccountName = JsonBody.String(JsonBody.TryParse(response.Body), "name");
        }

        /// <summary>
        /// Sends a request: waits for the rate budget, authenticates, sends, and turns errors into
        /// exceptions, retrying what can safely be retried. Throws <see cref="LeadApiException"/>
        /// (or a subclass) for every failure, <see cref="OperationCanceledException"/> on cancellation.
        /// </summary>
        public async Task<ApiResponse> SendAsync(ApiRequest request, CancellationToken cancellationToken, IProgress<RetryNotice>? retries = null)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            var failures = 0;

            // Time spent waiting at the gate after 429s; time lost to other failures (a timeout) does not count.
            var throttledWait = TimeSpan.Zero;
            TimeSpan? throttledAt = null;
            for (var attempt = 1; ; attempt++)
            {
                var admittedAt = await _rateGate.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (throttledAt.HasValue)
                {
                    throttledWait += admittedAt - throttledAt.Value;
                    throttledAt = null;
                }

                LeadApiException failure;
                TimeSpan? retryAfter = null;
                try
                {
                    var response = await SendOnceAsync(request, cancellationToken).ConfigureAwait(false);
                    var error = Redirected(response, request) ?? _adapter.TranslateError(response, request) ?? Unreadable(response, request);
                    if (error == null)
                    {
                        _rateGate.ReportSuccess(admittedAt);
                        return response;
                    }

                    failure = error;
                    retryAfter = RetryPolicy.ParseRetryAfter(response.Header("Retry-After"), _utcNow());
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = Unreachable(request, $"no answer within {Timeout.TotalSeconds:0.#} s", null);
                }
                catch (HttpRequestException ex)
                {
                    failure = Unreachable(request, ex.InnerException?.Message ?? ex.Message, ex);
                }

                if (IsBudgetExhausted(failure))
                {
                    // The account's budget is spent: the gate pauses (and may slow) every request on the
                    // account, and this one waits there again, until it has waited twice the window.
                    var report = _rateGate.ReportThrottled(admittedAt, retryAfter, cancellationToken);
                    if (throttledWait >= ThrottledRetryTime)
                    {
                        throw StillThrottled(failure, retryAfter, throttledWait, report);
                    }

                    throttledAt = _pacingClock.Now;
                    retries?.Report(new RetryNotice(request.ToString(), attempt, failure.Message, report));
                    continue;
                }

                if (failures >= _retryPolicy.MaximumRetryCount || !IsRetryable(failure, request))
                {
                    throw failure;
                }

                failures++;
                var delay = _retryPolicy.GetDelay(failures, retryAfter);
                retries?.Report(new RetryNotice(request.ToString(), failures, _retryPolicy.MaximumRetryCount, delay, failure.Message, failure.ErrorKind == LeadErrorKind.Throttled));
                await _pacingClock.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }

        public void Dispose() => _http.Dispose();

        public override string ToString() => $"{Name} ({Platform.DisplayName()}, {UserName} at {Endpoint})";

        private async Task<ApiResponse> SendOnceAsync(ApiRequest request, CancellationToken cancellationToken)
        {
            using (var message = new HttpRequestMessage(request.Method, new Uri(BaseAddress, request.Path)))
            {
                if (request.JsonBody != null)
                {
                    message.Content = new ByteArrayContent(request.Body);
                    message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                }

                // Dated and signed per attempt: a retried iVvy request must not go stale.
                _adapter.Authenticate(message, request.Body, _utcNow());
                using (var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false))
                {
                    return await ApiResponse.ReadAsync(response).ConfigureAwait(false);
                }
            }
        }

        /// <summary>
        /// A refused request (429) never reached the lead store, so it is always safe to resend.
        /// Anything else that may have been carried out is resent only when doing it twice is harmless.
        /// </summary>
        private static bool IsRetryable(LeadApiException failure, ApiRequest request)
        {
            switch (failure.ErrorKind)
            {
                case LeadErrorKind.Throttled:
                    return true;
                case LeadErrorKind.Unavailable:
                case LeadErrorKind.InvalidResponse:
                    return request.IsIdempotent;
                default:
                    return false;
            }
        }

        /// <summary>
        /// A 429 that says the account's budget is spent. iVvy's 429 with code 24299 is a race on its
        /// side, not a budget: it is retried like a 5xx, without pausing the account.
        /// </summary>
        private bool IsBudgetExhausted(LeadApiException failure) =>
            failure.ErrorKind == LeadErrorKind.Throttled && !(Platform == LeadPlatform.Ivvy && failure.PlatformCode == IvvyRaceCode);

        private LeadApiThrottledException StillThrottled(LeadApiException failure, TimeSpan? retryAfter, TimeSpan waited, ThrottleReport report)
        {
            var cause = report.LikelyOutside
                ? $" LeadPS itself sent {report.SentInWindow} of the account's {report.Budget} requests in the last window: another session or integration is likely using the same {Platform.DisplayName()} user."
                : string.Empty;
            return new LeadApiThrottledException(
                $"{failure.Message} Still throttled after waiting {waited.TotalSeconds:0} s for the account's budget (twice the {RateWindow.TotalSeconds:0.#} s rate window).{cause} Lower -ThrottleLimit or -RequestsPerMinute, or run it again later.",
                Platform, retryAfter, failure.PlatformCode, failure.ServerMessage, failure.ResponseBody, failure.Request);
        }

        /// <summary>
        /// The account's gate: network connections share one per account in the process (any runspace,
        /// any name) and coordinate with the user's other processes through the file store; a
        /// connection through an injected handler (the Sandbox, tests) is an account of its own.
        /// </summary>
        private AccountRateGate CreateRateGate(LeadApiConnectionOptions options)
        {
            var user = Platform == LeadPlatform.Copper ? UserName.ToLowerInvariant() : UserName;
            var account = $"{Platform}|{BaseAddress.AbsoluteUri.ToLowerInvariant()}|{user}";
            if (options.Handler != null || options.PacingClock != null || options.PacingStore != null)
            {
                return new AccountRateGate(account, RequestsPerMinute, RateWindow, _pacingClock, options.PacingStore ?? new MemoryPacingStore());
            }

            return AccountRateGates.For(account, RequestsPerMinute, RateWindow, () =>
                new AccountRateGate(account, RequestsPerMinute, RateWindow, _pacingClock, (IPacingStore?)FilePacingStore.ForCurrentUser() ?? new MemoryPacingStore()));
        }

        /// <summary>A success whose body is not JSON: the request may have been carried out, but its answer is lost.</summary>
        private LeadApiException? Unreadable(ApiResponse response, ApiRequest request) =>
            JsonBody.TryParse(response.Body) == null ? ResponseJson.Unexpected(response, request, Platform, "JSON") : null;

        private LeadApiException? Redirected(ApiResponse response, ApiRequest request)
        {
            if (response.StatusCode < 300 || response.StatusCode >= 400)
            {
                return null;
            }

            return new LeadApiException(
                $"{Platform.DisplayName()} answered {response.StatusCode} to {request}, redirecting to '{response.Header("Location")}'. LeadPS does not follow redirects (they would drop or invalidate the authentication); connect with -BaseUri set to the new address.",
                LeadErrorKind.Unknown, Platform, response.StatusCode, null, null, null, null, request.ToString());
        }

        private LeadApiUnavailableException Unreachable(ApiRequest request, string reason, Exception? inner) =>
            new LeadApiUnavailableException($"{Platform.DisplayName()} could not be reached for {request}: {reason}.", Platform, null, null, null, request.ToString(), inner);

        private static HttpMessageHandler CreateNetworkHandler(LeadApiConnectionOptions options)
        {
            TransportSecurity.EnableTls12();
            return new HttpClientHandler
            {
                // A redirect would drop or re-sign nothing correctly; report it instead of following it.
                AllowAutoRedirect = false,
                Proxy = options.Proxy,
                UseProxy = true,
                AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
            };
        }

        private static Uri WithTrailingSlash(Uri uri) =>
            uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
