using System;
using System.Collections.Generic;

namespace LeadPS.Pacing
{
    /// <summary>
    /// The process's one registry of account gates, so that every connection to the same account
    /// (any runspace, any connection name) waits at the same gate. Held weakly: a gate no
    /// connection uses any more is forgotten. Thread-safe. The state the gates share across
    /// processes lives in their <see cref="IPacingStore"/>, not here.
    /// </summary>
    public static class AccountRateGates
    {
        private static readonly Dictionary<string, WeakReference<AccountRateGate>> Gates = new Dictionary<string, WeakReference<AccountRateGate>>(StringComparer.Ordinal);

        /// <summary>The live gate for this account and these settings, or a new one made by <paramref name="create"/>.</summary>
        public static AccountRateGate For(string account, int budget, TimeSpan window, Func<AccountRateGate> create)
        {
            if (create == null)
            {
                throw new ArgumentNullException(nameof(create));
            }

            // Connections asking for another budget or window get their own gate over the same shared state.
            var key = account + "\n" + Math.Max(0, budget) + "\n" + window.Ticks;
            lock (Gates)
            {
                if (Gates.TryGetValue(key, out var weak) && weak.TryGetTarget(out var live))
                {
                    return live;
                }

                var gate = create();
                Gates[key] = new WeakReference<AccountRateGate>(gate);
                ForgetCollected();
                return gate;
            }
        }

        private static void ForgetCollected()
        {
            var dead = new List<string>();
            foreach (var entry in Gates)
            {
                if (!entry.Value.TryGetTarget(out _))
                {
                    dead.Add(entry.Key);
                }
            }

            foreach (var key in dead)
            {
                Gates.Remove(key);
            }
        }
    }
}
