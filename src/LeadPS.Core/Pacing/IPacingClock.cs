using System;
using System.Threading;
using System.Threading.Tasks;

namespace LeadPS.Pacing
{
    /// <summary>Time as pacing and retries see it; tests substitute a virtual clock.</summary>
    public interface IPacingClock
    {
        /// <summary>Monotonic time since some fixed origin.</summary>
        TimeSpan Now { get; }

        Task Delay(TimeSpan delay, CancellationToken cancellationToken);
    }
}
