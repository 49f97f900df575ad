using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using LeadPS.Completion;
using LeadPS.Connections;
using LeadPS.Http;
using LeadPS.Input;
using LeadPS.Mapping;

namespace LeadPS.Pipeline
{
    /// <summary>
    /// Base of the cmdlets that write leads. Inputs stream: each is validated on the pipeline
    /// thread, its request runs in the background with up to <see cref="ThrottleLimit"/> in
    /// flight, and its result (one lead or one error) is written on the pipeline thread as it
    /// completes. Retry notices become warnings; long runs show progress.
    /// </summary>
    public abstract class LeadWriteCmdlet : LeadCmdlet
    {
        public const int DefaultThrottleLimit = 4;

        private readonly List<PendingLead> _inFlight = new List<PendingLead>();

        // Released once per finished request: the pipeline thread sleeps on it instead of spinning in Task.WaitAny.
        private readonly SemaphoreSlim _finished = new SemaphoreSlim(0);
        private readonly ConcurrentQueue<RetryNotice> _notices = new ConcurrentQueue<RetryNotice>();
        private readonly HashSet<string> _reportedProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly Stopwatch _elapsed = new Stopwatch();
        private readonly int _progressId = new Random().Next(1, int.MaxValue);
        private TimeSpan _lastProgress = TimeSpan.Zero;
        private bool _warnedThrottled;
        private bool _warnedOutside;
        private int _succeeded;
        private int _failed;
        private int? _expectedTotal;

        /// <summary>The connection to use; the session's default (the latest Connect-LeadApi) when omitted.</summary>
        [Parameter]
        [ValidateNotNull]
        [ConnectionTransformation]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public LeadApiConnection? Connection { get; set; }

        /// <summary>How many requests may be in flight at once; the connection's rate budget still applies.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        /// <summary>
        /// The culture of numbers and dates given as text ("1.234,5", "31.05.2024" for de-DE); the
        /// invariant culture by default (ISO 8601 dates, '.' as the decimal point, no group separators).
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        [KnownCulture]
        public CultureInfo Culture { get; set; } = CultureInfo.InvariantCulture;

        /// <summary>What an empty or blank value (an empty CSV cell) means: Skip leaves the field as it is (default); Clear clears it where the platform allows.</summary>
        [Parameter]
        public LeadEmptyValue EmptyValue { get; set; } = LeadEmptyValue.Skip;

        internal LeadApiConnection ActiveConnection { get; private set; } = null!;

        /// <summary>How this command reads values (-Culture, -EmptyValue).</summary>
        internal LeadMappingOptions MappingOptions { get; private set; } = LeadMappingOptions.Default;

        /// <summary>Where the send path reports retries; drained into warnings on the pipeline thread.</summary>
        internal IProgress<RetryNotice> Retries => new RetryCollector(_notices);

        protected abstract string Activity { get; }

        protected override void BeginProcessing()
        {
            ActiveConnection = ResolveConnection(Connection);
            MappingOptions = new LeadMappingOptions(Culture, EmptyValue);
            _elapsed.Start();
            WriteVerbose($"Using '{ActiveConnection.Name}' ({ActiveConnection.Platform.DisplayName()} at {ActiveConnection.Endpoint}); up to {UserText.Count(ThrottleLimit, "request")} in flight.");
        }

        protected override void EndProcessing()
        {
            while (_inFlight.Count > 0)
            {
                WaitForAny();
            }

            FlushNotices();
            if (_succeeded + _failed > 0)
            {
                WriteProgress(new ProgressRecord(_progressId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
                WriteVerbose($"{Activity}: {_succeeded} succeeded, {_failed} failed in {_elapsed.Elapsed.TotalSeconds:0.0} s.");
            }
        }

        /// <summary>Tells progress how many inputs to expect, when they came as one array rather than streamed.</summary>
        internal void ExpectTotal(int count) => _expectedTotal = (_expectedTotal ?? 0) + count;

        /// <summary>True under -WhatIf (given, or by $WhatIfPreference): nothing may be sent, reads included.</summary>
        internal bool IsWhatIf =>
            (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf) && ((SwitchParameter)whatIf).IsPresent)
            || (!MyInvocation.BoundParameters.ContainsKey("WhatIf") && LanguagePrimitives.IsTrue(SessionState.PSVariable.GetValue("WhatIfPreference")));

        /// <summary>
        /// Copper's custom field definitions for mapping: fetched once per connection (Connect-LeadApi
        /// already tries). Under -WhatIf, only what is cached: custom fields are then checked by id only.
        /// </summary>
        internal CopperSchema? CopperSchemaForMapping()
        {
            var service = ActiveConnection.CopperLeads;
            if (service.CachedSchema != null || IsWhatIf)
            {
                return service.CachedSchema;
            }

            WriteVerbose("Reading Copper's custom field definitions (once per connection).");
            return Await(service.SchemaAsync(CancellationToken));
        }

        /// <summary>
        /// Starts an input's request, waiting first while the throttle limit is reached. Inputs that
        /// share an <paramref name="exclusiveKey"/> (the same match value, the same lead id) would
        /// write the same lead: each starts only when the one before it with that key has finished,
        /// so they reach the platform one at a time, in input order, while other inputs overlap.
        /// </summary>
        internal void Submit(object? input, Func<CancellationToken, Task<Lead>> send, string? exclusiveKey = null)
        {
            while (_inFlight.Count >= ThrottleLimit)
            {
                WaitForAny();
            }

            var token = CancellationToken;
            var previous = exclusiveKey == null ? null : _inFlight.LastOrDefault(p => p.ExclusiveKey == exclusiveKey);
            var work = previous == null
                ? Task.Run(() => send(token), token)
                : previous.Work.ContinueWith(_ => send(token), token, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            work.ContinueWith(_ => _finished.Release(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            _inFlight.Add(new PendingLead(input, work, exclusiveKey));
            WriteCompleted();
        }

        /// <summary>
        /// Waits until no in-flight input holds <paramref name="key"/>, for an input that must see
        /// the result of the one before it before it can even be mapped (an iVvy upsert's candidates).
        /// </summary>
        internal void WaitForKey(string? key)
        {
            while (key != null && _inFlight.Any(p => p.ExclusiveKey == key))
            {
                WaitForAny();
            }
        }

        /// <summary>An input that failed before any request: one error record, its own input as the target.</summary>
        internal void Fail(Exception exception, object? input)
        {
            _failed++;
            WriteLeadError(exception, input);
        }

        /// <summary>
        /// Refuses an input with no fields at all (null, an empty hashtable, an empty row) the way
        /// iVvy does (24215), before any request.
        /// </summary>
        internal static void EnsureNotEmpty(IReadOnlyCollection<KeyValuePair<string, object?>> properties, LeadPlatform platform)
        {
            if (properties.Count == 0 || properties.All(p => string.Equals(p.Key, "id", StringComparison.OrdinalIgnoreCase)))
            {
                throw new LeadValidationException(
                    "The lead is empty: it has no fields to send. Pipe hashtables or objects with lead properties (name, email, ...).",
                    null, platform, LeadErrorKind.RequestEmpty);
            }
        }

        /// <summary>Warns once per command about each property the platform does not know.</summary>
        internal void ReportIgnored(MappedLead mapped)
        {
            foreach (var name in mapped.UnknownProperties.Where(_reportedProperties.Add))
            {
                WriteWarning($"The property '{name}' is not a lead field of {mapped.Platform.DisplayName()}; it is not sent (reported once).");
            }

            foreach (var name in mapped.ReadOnlyProperties.Where(_reportedProperties.Add))
            {
                WriteVerbose($"The property '{name}' is set by {mapped.Platform.DisplayName()} itself; it is not sent.");
            }
        }

        private void WaitForAny()
        {
            try
            {
                // A release may be for a request already written; the callers loop until theirs is done.
                // Meanwhile progress keeps moving: requests may be waiting for the account's budget.
                while (!_finished.Wait(ProgressInterval, CancellationToken))
                {
                    FlushNotices();
                    ShowProgress();
                }
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }

            WriteCompleted();
        }

        private void WriteCompleted()
        {
            FlushNotices();
            foreach (var done in _inFlight.Where(p => p.Work.IsCompleted).ToList())
            {
                _inFlight.Remove(done);
                if (done.Work.Status == TaskStatus.RanToCompletion)
                {
                    _succeeded++;
                    done.Work.Result.Input = done.Input;
                    WriteObject(done.Work.Result);
                    continue;
                }

                var error = done.Work.Exception?.GetBaseException() ?? new OperationCanceledException();
                if (error is OperationCanceledException && CancellationToken.IsCancellationRequested)
                {
                    throw new PipelineStoppedException();
                }

                Fail(error, done.Input);
            }

            ShowProgress();
        }

        /// <summary>Requests wait on the pipeline thread's behalf (the schema, the iVvy index): keep progress moving.</summary>
        protected override void WhileWaiting()
        {
            FlushNotices();
            ShowProgress();
        }

        /// <summary>
        /// Every retry in -Verbose; the first 429 of the command as a warning, and a second one if a
        /// later 429 shows that someone else is spending the account's budget.
        /// </summary>
        private void FlushNotices()
        {
            while (_notices.TryDequeue(out var notice))
            {
                WriteVerbose("Retrying " + notice);
                if (notice.Throttle?.LikelyOutside == true && !_warnedOutside)
                {
                    _warnedOutside = _warnedThrottled = true;
                    var throttle = notice.Throttle;
                    WriteWarning(
                        $"{ActiveConnection.Platform.DisplayName()} answered 429 (too many requests) although LeadPS had sent only {throttle.SentInWindow} of this account's {throttle.Budget} requests in the last {throttle.Window.TotalSeconds:0.#} s: "
                        + $"another session or integration (another machine, a web form, a sync tool) is likely using the same {ActiveConnection.Platform.DisplayName()} user '{ActiveConnection.UserName}'. "
                        + "LeadPS pauses and slows this account's requests and retries them; nothing is lost, it takes longer (details in -Verbose).");
                }
                else if (notice.Throttled && !_warnedThrottled)
                {
                    _warnedThrottled = true;
                    WriteWarning($"{ActiveConnection.Platform.DisplayName()} is throttling requests (429); LeadPS pauses this account's requests and retries them (further notices in -Verbose). {notice}");
                }
            }
        }

        private void ShowProgress()
        {
            SayWhenPaused(ActiveConnection);
            var now = _elapsed.Elapsed;
            if (now - _lastProgress < TimeSpan.FromMilliseconds(250))
            {
                return;
            }

            _lastProgress = now;
            var done = _succeeded + _failed;
            var rate = now.TotalSeconds > 0 ? done / now.TotalSeconds : 0;
            var total = _expectedTotal.HasValue ? $" of {_expectedTotal}" : string.Empty;
            var progress = new ProgressRecord(_progressId, Activity, $"{done}{total} leads done ({_failed} failed), {rate:0.0} per second, {_inFlight.Count} in flight");
            DescribePacing(progress, ActiveConnection);
            if (_expectedTotal > 0)
            {
                progress.PercentComplete = Math.Min(100, done * 100 / _expectedTotal.Value);
                progress.SecondsRemaining = rate > 0 ? (int)Math.Ceiling((_expectedTotal.Value - done) / rate) : -1;
            }

            WriteProgress(progress);
        }

        private sealed class RetryCollector : IProgress<RetryNotice>
        {
            private readonly ConcurrentQueue<RetryNotice> _queue;

            public RetryCollector(ConcurrentQueue<RetryNotice> queue)
            {
                _queue = queue;
            }

            public void Report(RetryNotice value) => _queue.Enqueue(value);
        }
    }
}
