using System;
using System.Globalization;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>iVvy's timestamp format: <c>yyyy-MM-dd HH:mm:ss</c> in UTC, answered with a trailing <c> UTC</c>.</summary>
    internal static class IvvyDates
    {
        private const string Format = "yyyy-MM-dd HH:mm:ss";
        private const string UtcSuffix = " UTC";

        /// <summary>How the platform writes dates in its answers (e.g. <c>2019-04-12 09:00:35 UTC</c>).</summary>
        public static string ToText(DateTimeOffset instant) =>
            instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture) + UtcSuffix;

        /// <summary>Reads a request date: the format, optionally followed by <c> UTC</c>.</summary>
        public static DateTimeOffset? TryParse(string? text)
        {
            if (text == null)
            {
                return null;
            }

            var value = text.EndsWith(UtcSuffix, StringComparison.OrdinalIgnoreCase)
                ? text.Substring(0, text.Length - UtcSuffix.Length)
                : text;
            return DateTimeOffset.TryParseExact(
                value,
                Format,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var parsed)
                ? parsed
                : (DateTimeOffset?)null;
        }
    }
}
