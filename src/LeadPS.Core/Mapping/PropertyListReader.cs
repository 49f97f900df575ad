using System;
using System.Collections.Generic;

namespace LeadPS.Mapping
{
    /// <summary>
    /// Reads the caller's property list once, leaving out the names it asked to ignore. With
    /// <see cref="LeadEmptyValue.Clear"/>, a blank value becomes null, which clears the field.
    /// </summary>
    internal static class PropertyListReader
    {
        internal static List<KeyValuePair<string, object?>> Read(
            IEnumerable<KeyValuePair<string, object?>> input,
            ISet<string> ignored,
            LeadEmptyValue emptyValue = LeadEmptyValue.Skip)
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
                    var value = emptyValue == LeadEmptyValue.Clear && ValueShape.IsBlank(property.Value) ? null : property.Value;
                    properties.Add(new KeyValuePair<string, object?>(key, value));
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
