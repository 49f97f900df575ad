using System.Diagnostics;

namespace LeadPS.Benchmarks;

/// <summary>
/// Samples the managed heap on its own thread: GC.GetTotalMemory(false) (everything allocated and
/// not yet collected, garbage included: an upper bound) and the heap size the last GC left
/// (GC.GetGCMemoryInfo: what survived, plus fragmentation).
/// </summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly Thread _thread;
    private readonly TimeSpan _interval;
    private volatile bool _stopping;

    public MemorySampler(TimeSpan interval)
    {
        _interval = interval;
        _thread = new Thread(Sample) { IsBackground = true, Name = "MemorySampler", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    public long PeakTotalMemory { get; private set; }

    public long PeakHeapAfterGc { get; private set; }

    public int Samples { get; private set; }

    /// <summary>Forces full, compacting collections until the heap settles, and returns the live size.</summary>
    public static long SettledLiveBytes()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    public void Dispose()
    {
        _stopping = true;
        _thread.Join();
    }

    private void Sample()
    {
        var watch = Stopwatch.StartNew();
        while (!_stopping)
        {
            var total = GC.GetTotalMemory(forceFullCollection: false);
            var afterGc = GC.GetGCMemoryInfo(GCKind.Any).HeapSizeBytes;
            PeakTotalMemory = Math.Max(PeakTotalMemory, total);
            PeakHeapAfterGc = Math.Max(PeakHeapAfterGc, afterGc);
            Samples++;
            Thread.Sleep(_interval);
        }
    }
}
