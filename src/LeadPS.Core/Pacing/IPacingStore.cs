using System;
using System.Threading;

namespace LeadPS.Pacing
{
    /// <summary>
    /// Where an account's pacing state lives, so that every gate on the same store sees the same
    /// requests, pause and pace: in memory (one process) or in a file (every process of the user on
    /// this machine).
    /// </summary>
    public interface IPacingStore
    {
        /// <summary>
        /// Reads the account's state, lets <paramref name="change"/> read and change it, and saves it,
        /// as one step no other gate on the store can interleave with.
        /// </summary>
        T Update<T>(string account, Func<PacingState, T> change, CancellationToken cancellationToken);
    }
}
