using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace LeadPS.Mapping
{
    /// <summary>
    /// Numbers and dates written the way one culture writes them (-Culture): "1.234,5" in de-DE,
    /// "31/05/2024" in en-GB. Strict where a lenient parser would guess: group separators must
    /// separate whole groups ("1,20" is refused in en-US, not read as 120), and a two-digit year is
    /// refused rather than given a century.
    /// </summary>
    internal sealed class CultureText
    {
        private static readonly Regex DoubleDay = new Regex("(?<!d)dd(?!d)", RegexOptions.CultureInvariant);
        private static readonly Regex DoubleMonth = new Regex("(?<!M)MM(?!M)", RegexOptions.CultureInvariant);
        private static readonly Regex DoubleHour = new Regex("(?<![Hh])(HH|hh)(?![Hh])", RegexOptions.CultureInvariant);

        private readonly string[] _fullYearPatterns;
        private readonly string[] _shortYearPatterns;

        internal CultureText(CultureInfo culture)
        {
            Culture = culture;
            var patterns = DatePatterns(culture.DateTimeFormat).ToList();
            _fullYearPatterns = patterns.Where(p => p.Contains("yyyy")).ToArray();
            // Every pattern also with a two-digit year, to tell "31/05/24" (refused: which century?) from no date at all.
            _shortYearPatterns = patterns.Where(p => !p.Contains("yyyy") && p.Contains("yy"))
                .Concat(_fullYearPatterns.Select(p => p.Replace("yyyy", "yy")))
                .Distinct(StringComparer.Ordinal)
                .ToArray();
            DateExample = new DateTime(2024, 5, 31).ToString(culture.DateTimeFormat.ShortDatePattern, culture);
            NumberExample = 1234.5m.ToString("N1", culture);
        }

        internal CultureInfo Culture { get; }

        /// <summary>31 May 2024 as the culture writes it, for messages.</summary>
        internal string DateExample { get; }

        /// <summary>1234.5 as the culture writes it, for messages.</summary>
        internal string NumberExample { get; }

        /// <summary>True and the number; false and null when the text is no number; false and why when it is ambiguous.</summary>
        internal bool TryParseNumber(string text, out decimal number, out string? ambiguity)
        {
            number = 0;
            ambiguity = null;
            var format = Culture.NumberFormat;
            var group = format.NumberGroupSeparator;
            var separator = format.NumberDecimalSeparator;
            var rest = text.Trim();
            if (group.Length == 1 && char.IsWhiteSpace(group[0]))
            {
                // French and others group with a (narrow) no-break space; a CSV usually has a plain one.
                rest = rest.Replace(' ', group[0]).Replace('\u00A0', group[0]).Replace('\u202F', group[0]);
            }

            var negative = false;
            foreach (var sign in new[] { format.NegativeSign, "-", "\u2212" })
            {
                if (sign.Length > 0 && rest.StartsWith(sign, StringComparison.Ordinal))
                {
                    negative = true;
                    rest = rest.Substring(sign.Length);
                    break;
                }
            }

            if (!negative && (rest.StartsWith(format.PositiveSign, StringComparison.Ordinal) || rest.StartsWith("+", StringComparison.Ordinal)))
            {
                rest = rest.Substring(1);
            }

            var at = rest.IndexOf(separator, StringComparison.Ordinal);
            var whole = at < 0 ? rest : rest.Substring(0, at);
            var fraction = at < 0 ? string.Empty : rest.Substring(at + separator.Length);
            if ((whole.Length == 0 && fraction.Length == 0) || !IsDigits(fraction))
            {
                return false;
            }

            if (group.Length > 0 && whole.IndexOf(group, StringComparison.Ordinal) >= 0)
            {
                var groups = whole.Split(new[] { group }, StringSplitOptions.None);
                if (!groups.All(IsDigits))
                {
                    return false;
                }

                if (!IsWellGrouped(groups, format.NumberGroupSizes))
                {
                    ambiguity = $"its group separator '{group}' does not separate groups of {format.NumberGroupSizes.FirstOrDefault()} digits";
                    return false;
                }

                whole = string.Concat(groups);
            }
            else if (!IsDigits(whole))
            {
                return false;
            }

            var plain = (whole.Length == 0 ? "0" : whole) + (fraction.Length == 0 ? string.Empty : "." + fraction);
            if (!decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number))
            {
                return false;
            }

            number = negative ? -number : number;
            return true;
        }

        /// <summary>True and the instant (UTC when no zone is given); false and why when the year has two digits.</summary>
        internal bool TryParseDate(string text, out DateTimeOffset instant, out string? ambiguity)
        {
            ambiguity = null;
            const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
            if (DateTimeOffset.TryParseExact(text.Trim(), _fullYearPatterns, Culture, Styles, out instant))
            {
                return true;
            }

            if (_shortYearPatterns.Length > 0 && DateTimeOffset.TryParseExact(text.Trim(), _shortYearPatterns, Culture, Styles, out _))
            {
                ambiguity = "its year has two digits, so its century would be a guess; write the year in full (such as " + DateExample + ")";
            }

            return false;
        }

        private static bool IsDigits(string text) => text.All(c => c >= '0' && c <= '9');

        /// <summary>Groups from the right follow the culture's sizes (the last size repeats); the leftmost may be shorter, never empty.</summary>
        private static bool IsWellGrouped(string[] groups, int[] sizes)
        {
            // "0,123" reads as 0.123 to half the world: a leading zero before a group is a guess too.
            if (sizes.Length == 0 || groups.Any(g => g.Length == 0) || (groups[0][0] == '0'))
            {
                return false;
            }

            var s = 0;
            for (var i = groups.Length - 1; i >= 0; i--, s = Math.Min(s + 1, sizes.Length - 1))
            {
                var size = sizes[s];
                if (size <= 0 || (i > 0 ? groups[i].Length != size : groups[i].Length > size))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The culture's date and date-time patterns, each also with one-digit days, months and hours allowed.</summary>
        private static IEnumerable<string> DatePatterns(DateTimeFormatInfo format)
        {
            var dates = format.GetAllDateTimePatterns('d').SelectMany(Lenient).Distinct().ToList();
            var times = format.GetAllDateTimePatterns('t').Concat(format.GetAllDateTimePatterns('T')).SelectMany(Lenient).Distinct().ToList();
            return dates
                .Concat(dates.SelectMany(d => times.Select(t => d + " " + t)))
                .Concat(format.GetAllDateTimePatterns('g'))
                .Concat(format.GetAllDateTimePatterns('G'))
                .Distinct(StringComparer.Ordinal);
        }

        private static IEnumerable<string> Lenient(string pattern)
        {
            yield return pattern;
            yield return DoubleHour.Replace(DoubleMonth.Replace(DoubleDay.Replace(pattern, "d"), "M"), m => m.Value.Substring(1));
        }
    }
}
