using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace LeadPS.Input
{
    /// <summary>
    /// Turns whatever arrives on the pipeline (a hashtable, a PSCustomObject such as an Import-Csv
    /// row, a LeadPS lead, any .NET object) into the plain name/value list the mappers read:
    /// values are null, strings, numbers, booleans, dates, arrays or dictionaries — no PSObjects.
    /// </summary>
    internal static class PipelineInput
    {
        public static IReadOnlyList<KeyValuePair<string, object?>> ToProperties(object? input)
        {
            var value = Unwrap(input);
            switch (value)
            {
                case null:
                    return Array.Empty<KeyValuePair<string, object?>>();
                case Lead lead:
                    // The platform's own field names round-trip exactly; the typed properties are views of them.
                    // A field the lead read back as null is empty, not a request to clear it.
                    return lead.Fields.Where(f => f.Value != null).Select(f => new KeyValuePair<string, object?>(f.Key, WithoutEmptyValues(f.Value))).ToList();
                case IDictionary dictionary:
                    return dictionary.Cast<DictionaryEntry>()
                        .Select(e => new KeyValuePair<string, object?>(Convert.ToString(e.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, Plain(e.Value)))
                        .ToList();
                case string _:
                case ValueType _:
                    throw new LeadValidationException(
                        $"A lead must be an object with properties (a hashtable, an Import-Csv row, a LeadPS lead); got the {DescribeType(value)} '{Truncate(value.ToString())}'.",
                        null);
                default:
                    return PSObject.AsPSObject(input).Properties
                        .Where(p => p.IsGettable && (p.MemberType == PSMemberTypes.NoteProperty || p.MemberType == PSMemberTypes.Property || p.MemberType == PSMemberTypes.ScriptProperty || p.MemberType == PSMemberTypes.AliasProperty))
                        .Select(p => new KeyValuePair<string, object?>(p.Name, Plain(SafeValue(p))))
                        .ToList();
            }
        }

        /// <summary>A value with every PowerShell wrapper removed, nested objects as dictionaries.</summary>
        public static object? Plain(object? value)
        {
            var unwrapped = Unwrap(value);
            switch (unwrapped)
            {
                case null:
                    return null;
                case string _:
                case ValueType _:
                    return unwrapped;
                case IDictionary dictionary:
                    var copy = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        copy[Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty] = Plain(entry.Value);
                    }

                    return copy;
                case IEnumerable sequence:
                    return sequence.Cast<object?>().Select(Plain).ToArray();
                default:
                    if (value is PSObject wrapped && wrapped.BaseObject is PSCustomObject)
                    {
                        return wrapped.Properties
                            .Where(p => p.IsGettable)
                            .ToDictionary(p => p.Name, p => Plain(SafeValue(p)), StringComparer.OrdinalIgnoreCase);
                    }

                    return unwrapped;
            }
        }

        /// <summary>
        /// A lead's custom field list as read back holds every definition, most with a null value
        /// (Copper's value, iVvy's fieldValue): those entries are empty, not requests to clear.
        /// </summary>
        private static object? WithoutEmptyValues(object? value) =>
            value is object?[] items
                ? items.Where(item => !(item is IDictionary entry) || !entry.Keys.Cast<object>().Any(key => IsValueKey(key) && entry[key] == null)).ToArray()
                : value;

        private static bool IsValueKey(object key) =>
            string.Equals(key as string, "value", StringComparison.OrdinalIgnoreCase) || string.Equals(key as string, "fieldValue", StringComparison.OrdinalIgnoreCase);

        private static object? Unwrap(object? value)
        {
            if (value is PSObject ps)
            {
                return ps.BaseObject is PSCustomObject ? ps : ps.BaseObject;
            }

            return value;
        }

        private static object? SafeValue(PSPropertyInfo property)
        {
            try
            {
                return property.Value;
            }
            catch (GetValueException ex)
            {
                throw new LeadValidationException($"The property '{property.Name}' could not be read: {ex.Message}", property.Name);
            }
        }

        private static string DescribeType(object value) => value is string ? "string" : value.GetType().Name;

        private static string Truncate(string? text) => text == null ? string.Empty : text.Length > 60 ? text.Substring(0, 60) + "…" : text;
    }
}
