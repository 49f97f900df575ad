using System;
using System.Globalization;

namespace LeadPS.Mapping
{
    /// <summary>
    /// Dates given as text. Only ISO 8601 shapes are read: "05/06/2024" means May in one country
    /// and June in another, and guessing would silently store the wrong day. Text without a zone
    /// is taken as UTC, so a runbook gives the same result on every machine.
    /// </summary>
    internal static class IsoDateText
    {
        private static readonly string[] Formats =
        {
            "yyyy-MM-ddK",
            "yyyy-MM-dd'T'HH:mmK",
            "yyyy-MM-dd'T'HH:mm:ssK",
            "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
            "yyyy-MM-dd HH:mmK",
            "yyyy-MM-dd HH:mm:ssK",
            "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        };

        internal static bool TryParse(string text, out DateTimeOffset instant) =>
            DateTimeOffset.TryParseExact(
                text.Trim(),
                Formats,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal,
                out instant);
    }
}
