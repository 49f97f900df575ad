using System;
using System.Threading;
using System.Threading.Tasks;

namespace LeadPS.Pacing
{
    /// <summary>
    /// Admits an account's requests: at most the allowed share of <see cref="Budget"/> in any
    /// rolling <see cref="Window"/> (the way Copper counts), none while the account is paused after a
    /// 429. A 429 pauses every request on the account (Retry-After when the platform gives it,
    /// otherwise a back-off that doubles from a sixtieth of the window up to the window). When it
    /// came before LeadPS had sent what it allows itself (someone else spends the budget), it also
    /// lowers the allowed share (multiplied by <see cref="DecreaseFactor"/>), which then recovers by
    /// <see cref="RecoveryPerWindow"/> of the budget per window without a 429: additive increase,
    /// multiplicative decrease, as TCP and adaptive client-side rate limiters do.
    /// </summary>
    /// <remarks>
    /// What the gates of an account agree on lives in an <see cref="IPacingStore"/>: gates on the same
    /// store (connections in other runspaces, other processes through the file store) share one
    /// budget. Within a gate, waiters are admitted in arrival order. An unpaced gate (budget 0) keeps
    /// its pause in memory only and admits without touching the store.
    /// </remarks>
    public sealed class AccountRateGate
    {
        public const double DecreaseFactor = 0.7;
        public const double RecoveryPerWindow = 0.2;
        public const double MinimumFraction = 0.1;

        private readonly IPacingClock _clock;
        private readonly IPacingStore _store;
        private readonly SemaphoreSlim _turn = new SemaphoreSlim(1, 1);
        private readonly object _unpacedLock = new object();
        private readonly PacingState _unpaced = new PacingState();
        private long _lastSuccessAdmittedAt = long.MinValue;
        private long _unpacedPausedUntil;
        private volatile Waiting? _waiting;

        /// <param name="account">The account's key in the store (platform, address, user; never a secret).</param>
        /// <param name="budget">Requests per window; 0 or less: unpaced until a 429 says otherwise.</param>
        /// <param name="window">The platform's window (Copper: 60 s); admissions keep a 1% margin on top.</param>
        public AccountRateGate(string account, int budget, TimeSpan window, IPacingClock clock, IPacingStore store)
        {
            if (window <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be longer than zero.");
            }

            Account = account ?? throw new ArgumentNullException(nameof(account));
            Budget = Math.Max(0, budget);
            Window = window;
            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _store = store ?? throw new ArgumentNullException(nameof(store));
        }

        public string Account { get; }

        public int Budget { get; }

        /// <summary>The platform's window; the gate counts admissions over it plus a 1% margin against network jitter.</summary>
        public TimeSpan Window { get; }

        public bool IsUnpaced => Budget == 0;

        /// <summary>Where the account's shared state lives.</summary>
        public IPacingStore Store => _store;

        /// <summary>Why requests wait right now, or null when none does.</summary>
        public PacingStatus? Status
        {
            get
            {
                var waiting = _waiting;
                return waiting == null
                    ? null
                    : new PacingStatus(waiting.Paused, TimeSpan.FromTicks(Math.Max(0, waiting.Until - _clock.Now.Ticks)), waiting.Allowed, Budget, Window);
            }
        }

        private long CountedWindow => Window.Ticks + (Window.Ticks / 100);

        /// <summary>Waits until the account may send one more request, counts it, and returns when it was admitted.</summary>
        public async Task<TimeSpan> WaitAsync(CancellationToken cancellationToken)
        {
            if (IsUnpaced && Interlocked.Read(ref _unpacedPausedUntil) <= _clock.Now.Ticks)
            {
                return _clock.Now;
            }

            await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                while (true)
                {
                    var (admittedAt, wait, paused, allowed) = Update(state => Decide(state, _clock.Now.Ticks), cancellationToken);
                    if (admittedAt.HasValue)
                    {
                        return TimeSpan.FromTicks(admittedAt.Value);
                    }

                    _waiting = new Waiting(paused, _clock.Now.Ticks + wait, allowed);
                    await _clock.Delay(TimeSpan.FromTicks(wait), cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                _waiting = null;
                _turn.Release();
            }
        }

        /// <summary>A request admitted at <paramref name="admittedAt"/> succeeded: the next 429 starts the back-off afresh.</summary>
        public void ReportSuccess(TimeSpan admittedAt)
        {
            var ticks = admittedAt.Ticks;
            long seen;
            while (ticks > (seen = Interlocked.Read(ref _lastSuccessAdmittedAt))
                && Interlocked.CompareExchange(ref _lastSuccessAdmittedAt, ticks, seen) != seen)
            {
            }
        }

        /// <summary>
        /// The platform answered 429 to a request admitted at <paramref name="admittedAt"/>: pauses the
        /// account, and lowers its pace when LeadPS had not used its allowance, unless the request was
        /// sent before the current pause began (then it is part of the burst that started it, and only
        /// a longer Retry-After extends the pause).
        /// </summary>
        public ThrottleReport ReportThrottled(TimeSpan admittedAt, TimeSpan? retryAfter, CancellationToken cancellationToken)
        {
            return Update(
                state =>
                {
                    var now = _clock.Now.Ticks;
                    Forget(state, now);
                    var startsPause = admittedAt.Ticks > state.ThrottledAt;
                    if (startsPause)
                    {
                        state.Streak = Interlocked.Read(ref _lastSuccessAdmittedAt) >= state.ThrottledAt ? 1 : Math.Min(state.Streak + 1, 16);
                        state.ThrottledAt = now;

                        // Refused before LeadPS used what it allows itself: the platform counts requests
                        // LeadPS does not see, so slow down. Refused at the allowance, the platform merely
                        // counted one more than the gate did (jitter): the pause alone is enough.
                        if (IsUnpaced || state.Admitted.Count < Allowed(state, now))
                        {
                            state.Fraction = Math.Max(MinimumFraction, FractionAt(state, now) * DecreaseFactor);
                            state.FractionSetAt = now;
                        }
                    }

                    var pause = retryAfter.HasValue && retryAfter.Value > TimeSpan.Zero
                        ? Math.Min(retryAfter.Value.Ticks, 2 * Window.Ticks)
                        : startsPause ? Backoff(state.Streak) : 0;
                    state.PausedUntil = Math.Max(state.PausedUntil, now + pause);
                    if (IsUnpaced)
                    {
                        Interlocked.Exchange(ref _unpacedPausedUntil, state.PausedUntil);
                    }

                    return new ThrottleReport(TimeSpan.FromTicks(Math.Max(0, state.PausedUntil - now)), startsPause, Allowed(state, now), Budget, Window, state.Admitted.Count);
                },
                cancellationToken);
        }

        /// <summary>The pause after the <paramref name="streak"/>-th 429 in a row: a sixtieth of the window, doubling, at most the window.</summary>
        public long Backoff(int streak) =>
            (long)Math.Min(Window.Ticks, Window.Ticks / 60.0 * Math.Pow(2, Math.Max(0, streak - 1)));

        /// <summary>Requests the account allows per window now.</summary>
        public int AllowedPerWindow(CancellationToken cancellationToken) =>
            Update(state => Allowed(state, _clock.Now.Ticks), cancellationToken);

        private T Update<T>(Func<PacingState, T> change, CancellationToken cancellationToken)
        {
            if (IsUnpaced)
            {
                lock (_unpacedLock)
                {
                    return change(_unpaced);
                }
            }

            return _store.Update(Account, change, cancellationToken);
        }

        private (long? AdmittedAt, long Wait, bool Paused, int Allowed) Decide(PacingState state, long now)
        {
            Forget(state, now);
            var allowed = Allowed(state, now);
            if (now < state.PausedUntil)
            {
                return (null, state.PausedUntil - now, true, allowed);
            }

            if (IsUnpaced)
            {
                return (now, 0, false, allowed);
            }

            var count = state.Admitted.Count;
            if (count < allowed)
            {
                state.Admit(now);
                return (now, 0, false, allowed);
            }

            // Room comes when enough of the oldest have left the window to bring the count under the allowance.
            var wait = state.Admitted[count - allowed] + CountedWindow - now;
            return (null, Math.Max(wait, TimeSpan.TicksPerMillisecond), false, allowed);
        }

        private void Forget(PacingState state, long now) => state.Forget(now, CountedWindow, 4 * Window.Ticks);

        private int Allowed(PacingState state, long now) =>
            IsUnpaced ? 0 : Math.Max(1, (int)Math.Floor((Budget * FractionAt(state, now)) + 1e-9));

        private double FractionAt(PacingState state, long now)
        {
            var recovered = RecoveryPerWindow * Math.Max(0, now - state.FractionSetAt) / Window.Ticks;
            return Math.Min(1.0, state.Fraction + recovered);
        }

        private sealed class Waiting
        {
            public Waiting(bool paused, long until, int allowed)
            {
                Paused = paused;
                Until = until;
                Allowed = allowed;
            }

            public bool Paused { get; }

            public long Until { get; }

            public int Allowed { get; }
        }
    }
}
