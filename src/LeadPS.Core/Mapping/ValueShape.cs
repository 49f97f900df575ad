using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace LeadPS.Mapping
{
    /// <summary>
    /// Recognises the plain .NET shapes the PowerShell layer hands over (scalars, arrays,
    /// hashtables or property lists) and describes a value for an error message.
    /// </summary>
    internal static class ValueShape
    {
        private const int DescribedTextLimit = 60;

        /// <summary>An empty or whitespace-only string: a blank CSV cell, which means "no value".</summary>
        internal static bool IsBlank(object? value) => value is string text && string.IsNullOrWhiteSpace(text);

        /// <summary>A nested object: any IDictionary (Hashtable, Dictionary) or a list of name/value pairs.</summary>
        internal static bool TryGetRecord(object? value, out List<KeyValuePair<string, object?>> record)
        {
            record = new List<KeyValuePair<string, object?>>();
            if (value is string || value == null)
            {
                return false;
            }

            if (value is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    record.Add(new KeyValuePair<string, object?>(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, entry.Value));
                }

                return true;
            }

            if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                record.AddRange(pairs);
                return true;
            }

            return false;
        }

        /// <summary>An array or list (but not a string and not a nested object).</summary>
        internal static bool TryGetList(object? value, out List<object?> items)
        {
            items = new List<object?>();
            if (value == null || value is string || value is IDictionary || value is IEnumerable<KeyValuePair<string, object?>>)
            {
                return false;
            }

            if (value is IEnumerable enumerable)
            {
                foreach (var item in enumerable)
                {
                    items.Add(item);
                }

                return true;
            }

            return false;
        }

        /// <summary>Describes a value for "...; X is not." without echoing megabytes or control characters.</summary>
        internal static string Describe(object? value)
        {
            switch (value)
            {
                case null:
                    return "null";
                case string text:
                    return Quote(text);
                case bool flag:
                    return flag ? "'true'" : "'false'";
                case IFormattable formattable when !(value is Enum):
                    return Quote(formattable.ToString(null, CultureInfo.InvariantCulture));
                case Enum _:
                case char _:
                case Guid _:
                    return Quote(value.ToString() ?? string.Empty);
            }

            if (TryGetRecord(value, out _))
            {
                return "an object";
            }

            if (TryGetList(value, out _))
            {
                return "an array";
            }

            return "a value of type " + value.GetType().Name;
        }

        private static string Quote(string text)
        {
            var builder = new StringBuilder("'");
            var shown = Math.Min(text.Length, DescribedTextLimit);
            if (shown < text.Length && char.IsHighSurrogate(text[shown - 1]))
            {
                shown--; // never cut an emoji in half
            }

            for (var i = 0; i < shown; i++)
            {
                var c = text[i];
                if (char.IsControl(c))
                {
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }
            }

            if (text.Length > shown)
            {
                return builder.Append("…' (").Append(text.Length.ToString(CultureInfo.InvariantCulture)).Append(" characters)").ToString();
            }

            return builder.Append('\'').ToString();
        }
    }
}
