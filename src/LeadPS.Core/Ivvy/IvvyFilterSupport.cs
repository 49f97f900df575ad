using System;
using System.Collections.Concurrent;

namespace LeadPS.Ivvy
{
    /// <summary>
    /// What one connection has learnt about getLeadList's filter keys: a key the platform ignored
    /// (it returned a lead that fails the filter), refused (an error naming the filter) or applied
    /// case-sensitively is not sent again on this connection, so the fallback's cost is paid once,
    /// not per row. Thread-safe.
    /// </summary>
    internal sealed class IvvyFilterSupport
    {
        private readonly ConcurrentDictionary<string, string> _unusable = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, bool> _caseChecked = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        public bool IsUsable(string filterKey) => !_unusable.ContainsKey(filterKey);

        /// <summary>Why <paramref name="filterKey"/> is not used, or null while it is.</summary>
        public string? Reason(string filterKey) => _unusable.TryGetValue(filterKey, out var reason) ? reason : null;

        public void MarkIgnored(string filterKey, long leadId) =>
            _unusable.TryAdd(filterKey, $"iVvy ignored the getLeadList filter '{filterKey}' (it returned lead {leadId}, which does not satisfy it)");

        /// <summary>True once the key was seen to find the same leads whatever the value's case.</summary>
        public bool IsCaseChecked(string filterKey) => _caseChecked.ContainsKey(filterKey);

        public void MarkCaseChecked(string filterKey) => _caseChecked.TryAdd(filterKey, true);

        public void MarkCaseSensitive(string filterKey, long missedLeadId) =>
            _unusable.TryAdd(filterKey, $"iVvy's getLeadList filter '{filterKey}' compares case-sensitively (asked in another case, it did not return lead {missedLeadId}), and LeadPS matches ignoring case");

        public void MarkRefused(string filterKey, string message) =>
            _unusable.TryAdd(filterKey, $"iVvy refused the getLeadList filter '{filterKey}': {message}");
    }
}
