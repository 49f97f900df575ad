using System;
using System.Collections.Generic;

namespace LeadPS.Mapping
{
    /// <summary>An ordered list of property names without repeats, for the "not sent" reports.</summary>
    internal sealed class PropertyNameList
    {
        private readonly List<string> _names = new List<string>();
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        internal int Count => _names.Count;

        internal void Add(string name)
        {
            if (_seen.Add(name))
            {
                _names.Add(name);
            }
        }

        internal IReadOnlyList<string> ToList() => _names.ToArray();

        /// <summary>"; ignored: 'a', 'b'" for messages, or nothing.</summary>
        internal string DescribeIgnored(string what) =>
            _names.Count == 0 ? string.Empty : " (" + what + ": '" + string.Join("', '", _names) + "')";
    }
}
