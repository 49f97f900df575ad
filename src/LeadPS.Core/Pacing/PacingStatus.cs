using System;

namespace LeadPS.Pacing
{
    /// <summary>Why requests are waiting at an account's gate, and for how long: what progress shows.</summary>
    public sealed class PacingStatus
    {
        public PacingStatus(bool paused, TimeSpan remaining, int allowedPerWindow, int budget, TimeSpan window)
        {
            Paused = paused;
            Remaining = remaining;
            AllowedPerWindow = allowedPerWindow;
            Budget = budget;
            Window = window;
        }

        /// <summary>True while the account is paused after a 429; false while it waits for room in the window.</summary>
        public bool Paused { get; }

        /// <summary>How long until the next request may go (as far as the gate knows now).</summary>
        public TimeSpan Remaining { get; }

        /// <summary>Requests the gate allows per window now (the budget, or less after 429s); 0 when unpaced.</summary>
        public int AllowedPerWindow { get; }

        public int Budget { get; }

        public TimeSpan Window { get; }

        /// <summary>
        /// The first words of <see cref="ToString"/>, short enough to lead a progress bar's status in
        /// pwsh's default (minimal) view, which shows no current operation.
        /// </summary>
        public string Headline => Paused
            ? $"Pacing: paused {SecondsText} s after a 429"
            : $"Pacing: waiting {SecondsText} s for the rate budget";

        public override string ToString()
        {
            var seconds = SecondsText;
            var pace = Budget <= 0
                ? string.Empty
                : AllowedPerWindow < Budget
                    ? $" (slowed to {AllowedPerWindow} of {Budget} per {WindowText}, recovering)"
                    : $" ({Budget} per {WindowText}, shared by the account)";
            return Paused
                ? $"Pacing: paused {seconds} s after a 429 on this account{pace}"
                : $"Pacing: waiting {seconds} s for the account's rate budget{pace}";
        }

        private string SecondsText => Math.Max(0, Remaining.TotalSeconds).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

        private string WindowText => Window.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " s";
    }
}
