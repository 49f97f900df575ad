using System;
using System.Collections.Generic;

namespace LeadPS.Mapping
{
    /// <summary>Reads the caller's property list once, leaving out the names it asked to ignore.</summary>
    internal static class PropertyListReader
    {
        internal static List<KeyValuePair<string, object?>> Read(
            IEnumerable<KeyValuePair<string, object?>> input,
            ISet<string> ignored)
        {
            if (input == null)
            {
                throw new ArgumentNullException(nameof(input));
            }

            var properties = new List<KeyValuePair<string, object?>>();
            foreach (var property in input)
            {
                var key = property.Key ?? string.Empty;
                if (!ignored.Contains(key.Trim()))
                {
                    properties.Add(new KeyValuePair<string, object?>(key, property.Value));
                }
            }

            return properties;
        }

        internal static HashSet<string> IgnoreSet(IEnumerable<string>? names)
        {
            var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (names != null)
            {
                foreach (var name in names)
                {
                    if (!string.IsNullOrWhiteSpace(name))
                    {
                        set.Add(name.Trim());
                    }
                }
            }

            return set;
        }
    }
}
