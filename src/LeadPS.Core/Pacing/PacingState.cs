using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace LeadPS.Pacing
{
    /// <summary>
    /// What the gates of one account agree on, in the pacing clock's ticks: when recent requests
    /// were admitted, until when the account is paused, and the share of the budget it allows now.
    /// Small and plain so that it can be saved as a few lines of text.
    /// </summary>
    public sealed class PacingState
    {
        private const string Header = "LeadPS pacing v1";

        /// <summary>Admission times still inside the window, oldest first.</summary>
        public List<long> Admitted { get; } = new List<long>();

        /// <summary>No request is admitted before this time.</summary>
        public long PausedUntil { get; set; }

        /// <summary>When the latest throttling pause began: 429s to requests admitted before it belong to the same burst.</summary>
        public long ThrottledAt { get; set; } = long.MinValue;

        /// <summary>How many pauses in a row met a 429 without a success between them (the back-off step).</summary>
        public int Streak { get; set; }

        /// <summary>The share of the budget allowed at <see cref="FractionSetAt"/>; it recovers from there.</summary>
        public double Fraction { get; set; } = 1.0;

        public long FractionSetAt { get; set; }

        /// <summary>Records an admission, keeping <see cref="Admitted"/> in order.</summary>
        public void Admit(long at)
        {
            var index = Admitted.Count;
            while (index > 0 && Admitted[index - 1] > at)
            {
                index--;
            }

            Admitted.Insert(index, at);
        }

        /// <summary>
        /// Forgets admissions that left the window, and anything dated after <paramref name="now"/> plus
        /// <paramref name="horizon"/>: left by a clock that no longer runs (a file written before a restart).
        /// </summary>
        public void Forget(long now, long window, long horizon)
        {
            Admitted.RemoveAll(t => t <= now - window || t > now + horizon);
            if (PausedUntil > now + horizon)
            {
                PausedUntil = 0;
            }

            if (ThrottledAt > now + horizon || FractionSetAt > now + horizon)
            {
                ThrottledAt = long.MinValue;
                Fraction = 1.0;
                FractionSetAt = now;
                Streak = 0;
            }
        }

        public string Write()
        {
            var text = new StringBuilder(Header).Append('\n');
            Line(text, "paused-until", PausedUntil);
            Line(text, "throttled-at", ThrottledAt);
            Line(text, "streak", Streak);
            text.Append("fraction ").Append(Fraction.ToString("R", CultureInfo.InvariantCulture)).Append(' ')
                .Append(FractionSetAt.ToString(CultureInfo.InvariantCulture)).Append('\n');
            foreach (var at in Admitted)
            {
                Line(text, "admitted", at);
            }

            return text.ToString();
        }

        /// <summary>Reads what <see cref="Write"/> wrote; anything else (empty, cut, foreign) reads as a fresh state.</summary>
        public static PacingState Read(string text)
        {
            var state = new PacingState();
            using (var reader = new StringReader(text ?? string.Empty))
            {
                if (reader.ReadLine() != Header)
                {
                    return state;
                }

                string? line;
                while ((line = reader.ReadLine()) != null)
                {
                    if (!TryApply(state, line.Split(' ')))
                    {
                        return new PacingState();
                    }
                }
            }

            return state;
        }

        private static bool TryApply(PacingState state, string[] parts)
        {
            if (parts.Length < 2 || !long.TryParse(parts[parts.Length - 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            switch (parts[0])
            {
                case "paused-until": state.PausedUntil = value; return true;
                case "throttled-at": state.ThrottledAt = value; return true;
                case "streak": state.Streak = (int)Math.Max(0, Math.Min(value, 64)); return true;
                case "admitted": state.Admit(value); return true;
                case "fraction":
                    if (parts.Length != 3 || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) || !(fraction > 0 && fraction <= 1))
                    {
                        return false;
                    }

                    state.Fraction = fraction;
                    state.FractionSetAt = value;
                    return true;
                default:
                    return true; // a line a later version added
            }
        }

        private static void Line(StringBuilder text, string name, long value) =>
            text.Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }
}
