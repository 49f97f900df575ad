using System;

namespace LeadPS.Pacing
{
    /// <summary>What an account's gate did about a 429: how long it pauses, the pace it allows now, and who likely spent the budget.</summary>
    public sealed class ThrottleReport
    {
        public ThrottleReport(TimeSpan pause, bool startedPause, int allowedPerWindow, int budget, TimeSpan window, int sentInWindow)
        {
            Pause = pause;
            StartedPause = startedPause;
            AllowedPerWindow = allowedPerWindow;
            Budget = budget;
            Window = window;
            SentInWindow = sentInWindow;
        }

        /// <summary>How long from now the account's requests wait.</summary>
        public TimeSpan Pause { get; }

        /// <summary>False when the request was sent before the current pause began: a sibling of the 429 that started it.</summary>
        public bool StartedPause { get; }

        /// <summary>Requests allowed per window from now on (0 when unpaced).</summary>
        public int AllowedPerWindow { get; }

        public int Budget { get; }

        public TimeSpan Window { get; }

        /// <summary>Requests LeadPS (every gate on the store) sent on the account within the last window.</summary>
        public int SentInWindow { get; }

        /// <summary>
        /// True when LeadPS had used less than the budget, so the platform counted requests LeadPS did
        /// not send: another session, machine or integration on the same account.
        /// </summary>
        public bool LikelyOutside => Budget > 0 && SentInWindow < Budget;
    }
}
