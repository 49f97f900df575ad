using System;
using System.Collections.Concurrent;

namespace LeadPS.Ivvy
{
    /// <summary>
    /// What one connection has learnt about getLeadList's filter keys: a key the platform ignored
    /// (it returned a lead that fails the filter) or refused (an error naming the filter) is not
    /// sent again on this connection, so the fallback's cost is paid once, not per row. Thread-safe.
    /// </summary>
    internal sealed class IvvyFilterSupport
    {
        private readonly ConcurrentDictionary<string, string> _unusable = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        public bool IsUsable(string filterKey) => !_unusable.ContainsKey(filterKey);

        /// <summary>Why <paramref name="filterKey"/> is not used, or null while it is.</summary>
        public string? Reason(string filterKey) => _unusable.TryGetValue(filterKey, out var reason) ? reason : null;

        public void MarkIgnored(string filterKey, long leadId) =>
            _unusable.TryAdd(filterKey, $"iVvy ignored the getLeadList filter '{filterKey}' (it returned lead {leadId}, which does not satisfy it)");

        public void MarkRefused(string filterKey, string message) =>
            _unusable.TryAdd(filterKey, $"iVvy refused the getLeadList filter '{filterKey}': {message}");
    }
}
