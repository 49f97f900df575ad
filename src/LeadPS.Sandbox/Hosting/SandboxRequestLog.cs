using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace LeadPS.Sandbox.Hosting
{
    /// <summary>A bounded, thread-safe record of the requests received, newest last.</summary>
    public sealed class SandboxRequestLog
    {
        private static readonly HashSet<string> SecretHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "X-PW-AccessToken",
            "X-Api-Authorization",
            "Authorization",
            "Proxy-Authorization",
        };

        private readonly Queue<SandboxRequestRecord> _records = new Queue<SandboxRequestRecord>();
        private readonly object _lock = new object();
        private readonly int _capacity;
        private long _total;

        public SandboxRequestLog(int capacity)
        {
            _capacity = Math.Max(0, capacity);
        }

        /// <summary>All requests ever received, including those no longer remembered.</summary>
        public long TotalCount => Interlocked.Read(ref _total);

        /// <summary>A snapshot of the remembered requests, oldest first.</summary>
        public IReadOnlyList<SandboxRequestRecord> Snapshot()
        {
            lock (_lock)
            {
                return _records.ToList();
            }
        }

        public void Clear()
        {
            lock (_lock)
            {
                _records.Clear();
                Interlocked.Exchange(ref _total, 0);
            }
        }

        internal void Add(DateTimeOffset receivedAt, SandboxRequest request, int? statusCode, SandboxFault fault, bool reachedPlatform)
        {
            var sequence = Interlocked.Increment(ref _total);
            if (_capacity == 0)
            {
                return;
            }

            var headers = request.Headers.ToDictionary(
                h => h.Key,
                h => SecretHeaders.Contains(h.Key) ? "***" : h.Value,
                StringComparer.OrdinalIgnoreCase);
            var record = new SandboxRequestRecord(sequence, receivedAt, request, statusCode, fault, reachedPlatform, headers);
            lock (_lock)
            {
                _records.Enqueue(record);
                while (_records.Count > _capacity)
                {
                    _records.Dequeue();
                }
            }
        }
    }
}
