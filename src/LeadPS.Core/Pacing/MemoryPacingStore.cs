using System;
using System.Collections.Generic;
using System.Threading;

namespace LeadPS.Pacing
{
    /// <summary>Pacing state kept in this process only (the Sandbox, tests, or when no folder is writable).</summary>
    public sealed class MemoryPacingStore : IPacingStore
    {
        private readonly Dictionary<string, PacingState> _states = new Dictionary<string, PacingState>(StringComparer.Ordinal);

        public T Update<T>(string account, Func<PacingState, T> change, CancellationToken cancellationToken)
        {
            lock (_states)
            {
                if (!_states.TryGetValue(account, out var state))
                {
                    state = new PacingState();
                    _states.Add(account, state);
                }

                return change(state);
            }
        }
    }
}
