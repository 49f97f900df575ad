using System;
using System.Globalization;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>iVvy's timestamp format: <c>yyyy-MM-dd HH:mm:ss</c> in UTC, answered with a trailing <c> UTC</c>.</summary>
    internal static class IvvyDates
    {
        private const string Format = "yyyy-MM-dd HH:mm:ss";
        private const string UtcSuffix = " UTC";

        /// <summary>The HTTP date forms a Date header takes, once the zone and commas are removed.</summary>
        private static readonly string[] HttpDateFormats =
        {
            "ddd dd MMM yyyy HH:mm:ss",
            "ddd d MMM yyyy HH:mm:ss",
            "dd MMM yyyy HH:mm:ss",
            "d MMM yyyy HH:mm:ss",
        };

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

        /// <summary>
        /// Reads a standard <c>Date</c> header, which a client may send instead of IVVY-Date: the HTTP
        /// form (<c>Tue, 03 Apr 2012 22:23:24 GMT</c>; iVvy's own example ends in <c>UTC</c> and has a comma
        /// after the month) or iVvy's own format. Always UTC.
        /// </summary>
        public static DateTimeOffset? TryParseHttpDate(string? text)
        {
            var own = TryParse(text);
            if (own != null || text == null)
            {
                return own;
            }

            var value = text.Trim();
            foreach (var zone in new[] { " GMT", " UTC", " Z" })
            {
                if (value.EndsWith(zone, StringComparison.OrdinalIgnoreCase))
                {
                    value = value.Substring(0, value.Length - zone.Length);
                    break;
                }
            }

            value = string.Join(" ", value.Replace(",", " ").Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries));
            return DateTimeOffset.TryParseExact(
                value,
                HttpDateFormats,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var parsed)
                ? parsed
                : (DateTimeOffset?)null;
        }
    }
}
