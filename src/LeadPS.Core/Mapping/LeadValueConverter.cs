using System;
using System.Globalization;

namespace LeadPS.Mapping
{
    /// <summary>
    /// Converts one input value to the type a field needs, or throws a
    /// <see cref="LeadValidationException"/> naming the field and saying what is wrong with the value.
    /// Text is trimmed. Numbers and dates given as text are read with the invariant culture ("1,5"
    /// is refused rather than read as 15 or 1.5; dates in ISO 8601) unless a culture is given,
    /// whose group and decimal separators and date patterns are then read strictly (see <see cref="CultureText"/>).
    /// </summary>
    internal sealed class LeadValueConverter
    {
        internal const string WholeNumberExpectation = "a positive whole number";
        internal const string NumberExpectation = "a number";
        internal const string BooleanExpectation = "true or false (true/false, yes/no, y/n, on/off, 1/0)";
        internal const string DateExpectation = "a date (ISO 8601 such as 2024-05-31 or 2024-05-31T09:00:00+10:00, or unix seconds)";
        internal const string TextExpectation = "text";
        internal const string EmailExpectation = "an email address";

        private const long MinUnixSeconds = -62135596800; // 0001-01-01
        private const long MaxUnixSeconds = 253402300799; // 9999-12-31: also catches milliseconds given as seconds

        private readonly CultureText? _cultureText;

        internal LeadValueConverter(LeadPlatform platform, CultureInfo? culture = null)
        {
            Platform = platform;
            var isInvariant = culture == null || culture.Name.Length == 0;
            _cultureText = isInvariant ? null : new CultureText(culture!);
        }

        internal LeadPlatform Platform { get; }

        internal LeadValidationException Invalid(FieldRef field, string message) =>
            new LeadValidationException(message, field.Name, Platform, LeadErrorKind.Invalid);

        internal LeadValidationException NotA(FieldRef field, string expectation, object? value) =>
            Invalid(field, "The field " + field.Label + " must be " + expectation + "; " + ValueShape.Describe(value) + " is not.");

        internal string ToText(object? value, FieldRef field)
        {
            string text;
            switch (value)
            {
                case string s:
                    text = s;
                    break;
                case bool flag:
                    text = flag ? "true" : "false";
                    break;
                case char c:
                    text = c.ToString();
                    break;
                case double d:
                    text = d.ToString("R", CultureInfo.InvariantCulture);
                    break;
                case float f:
                    text = f.ToString("R", CultureInfo.InvariantCulture);
                    break;
                case DateTime dateTime:
                    text = dateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture);
                    break;
                case DateTimeOffset instant:
                    text = instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
                    break;
                case Enum e:
                    text = e.ToString();
                    break;
                case Guid guid:
                    text = guid.ToString();
                    break;
                case IFormattable number when IsNumber(value):
                    text = number.ToString(null, CultureInfo.InvariantCulture);
                    break;
                default:
                    throw NotA(field, TextExpectation, value);
            }

            if (text.IndexOf('\0') >= 0)
            {
                throw Invalid(field, "The field " + field.Label + " contains a NUL character (\\u0000), which the platform cannot store.");
            }

            // ' Board dinner ' is the lead 'Board dinner': both platforms match trimmed, so they store it trimmed too.
            return text.Trim();
        }

        internal long ToPositiveId(object? value, FieldRef field)
        {
            if (value is string text)
            {
                var trimmed = text.Trim();
                if (!IsIntegerText(trimmed))
                {
                    throw NotA(field, WholeNumberExpectation, value);
                }

                if (!long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
                {
                    throw OutOfRange(field, value);
                }

                return parsed > 0 ? parsed : throw NotA(field, WholeNumberExpectation, value);
            }

            if (!TryGetDecimal(value, out var number))
            {
                throw NotA(field, WholeNumberExpectation, value);
            }

            if (number != decimal.Truncate(number) || number <= 0)
            {
                throw NotA(field, WholeNumberExpectation, value);
            }

            return number <= long.MaxValue ? (long)number : throw OutOfRange(field, value);
        }

        internal decimal ToNumber(object? value, FieldRef field)
        {
            if (value is string text)
            {
                if (_cultureText == null)
                {
                    return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                        ? parsed
                        : throw WithCultureHint(NotA(field, NumberExpectation, value), text);
                }

                return _cultureText.TryParseNumber(text, out var local, out var ambiguity)
                    ? local
                    : throw NotAsCultureWrites(field, "a number as " + _cultureText.Culture.Name + " writes it (such as " + _cultureText.NumberExample + ")", value, ambiguity);
            }

            return TryGetDecimal(value, out var number) ? number : throw NotA(field, NumberExpectation, value);
        }

        internal bool ToBoolean(object? value, FieldRef field)
        {
            switch (value)
            {
                case bool flag:
                    return flag;
                case string text:
                    switch (text.Trim().ToLowerInvariant())
                    {
                        case "true":
                        case "yes":
                        case "y":
                        case "on":
                        case "1":
                            return true;
                        case "false":
                        case "no":
                        case "n":
                        case "off":
                        case "0":
                            return false;
                    }

                    break;
                default:
                    if (TryGetDecimal(value, out var number) && (number == 0 || number == 1))
                    {
                        return number == 1;
                    }

                    break;
            }

            throw NotA(field, BooleanExpectation, value);
        }

        /// <summary>
        /// Unix seconds (UTC). A DateTime of kind Local is converted from the machine's zone; one of
        /// kind Unspecified, like zone-less text, is taken as UTC.
        /// </summary>
        internal long ToUnixSeconds(object? value, FieldRef field)
        {
            long seconds;
            switch (value)
            {
                case DateTimeOffset instant:
                    return instant.ToUnixTimeSeconds();
                case DateTime dateTime:
                    var utc = dateTime.Kind == DateTimeKind.Local
                        ? dateTime.ToUniversalTime()
                        : DateTime.SpecifyKind(dateTime, DateTimeKind.Utc);
                    return new DateTimeOffset(utc).ToUnixTimeSeconds();
                case string text:
                    var trimmed = text.Trim();
                    if (IsIntegerText(trimmed.TrimStart('-')) && long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out seconds))
                    {
                        break;
                    }

                    if (IsoDateText.TryParse(trimmed, out var parsed))
                    {
                        return parsed.ToUnixTimeSeconds();
                    }

                    if (_cultureText == null)
                    {
                        throw WithCultureHint(NotA(field, DateExpectation, value), trimmed);
                    }

                    return _cultureText.TryParseDate(trimmed, out var local, out var ambiguity)
                        ? local.ToUnixTimeSeconds()
                        : throw NotAsCultureWrites(field, DateExpectation + ", or a date as " + _cultureText.Culture.Name + " writes it (such as " + _cultureText.DateExample + ")", value, ambiguity);
                default:
                    if (!TryGetDecimal(value, out var number) || number != decimal.Truncate(number) || number < MinUnixSeconds || number > MaxUnixSeconds)
                    {
                        throw NotA(field, DateExpectation, value);
                    }

                    seconds = (long)number;
                    break;
            }

            return seconds >= MinUnixSeconds && seconds <= MaxUnixSeconds
                ? seconds
                : throw NotA(field, DateExpectation + " between the years 1 and 9999 (milliseconds are not seconds)", value);
        }

        internal string ToEmailAddress(object? value, FieldRef field)
        {
            if (!(value is string))
            {
                throw NotA(field, EmailExpectation, value);
            }

            var address = ToText(value, field).Trim();
            return EmailAddressText.IsPlausible(address) ? address : throw NotA(field, EmailExpectation, value);
        }

        /// <summary>A value that does not read as <paramref name="expectation"/> in the command's culture, or reads more than one way.</summary>
        private LeadValidationException NotAsCultureWrites(FieldRef field, string expectation, object? value, string? ambiguity) =>
            Invalid(field, "The field " + field.Label + " must be " + expectation + "; "
                + ValueShape.Describe(value) + (ambiguity == null ? " is not." : " is ambiguous: " + ambiguity + "."));

        /// <summary>Under the invariant culture, a value that looks written the local way gets a pointer to -Culture.</summary>
        private LeadValidationException WithCultureHint(LeadValidationException error, string text) =>
            text.IndexOfAny(new[] { ',', '/', '.', ' ' }) < 0
                ? error
                : new LeadValidationException(error.Message + " To read thousands separators, decimal commas or local dates, give the culture, e.g. -Culture en-GB.", error.FieldName, Platform, LeadErrorKind.Invalid);

        private LeadValidationException OutOfRange(FieldRef field, object? value) =>
            NotA(field, WholeNumberExpectation + " no larger than " + long.MaxValue.ToString(CultureInfo.InvariantCulture), value);

        private static bool IsIntegerText(string text)
        {
            var start = text.StartsWith("+", StringComparison.Ordinal) || text.StartsWith("-", StringComparison.Ordinal) ? 1 : 0;
            if (text.Length <= start)
            {
                return false;
            }

            for (var i = start; i < text.Length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsNumber(object value) =>
            value is sbyte || value is byte || value is short || value is ushort || value is int || value is uint
            || value is long || value is ulong || value is float || value is double || value is decimal;

        private static bool TryGetDecimal(object? value, out decimal number)
        {
            number = 0;
            switch (value)
            {
                case decimal d:
                    number = d;
                    return true;
                case double d:
                    return TryFromFloating(d, out number);
                case float f:
                    return TryFromFloating(f, out number);
                case null:
                case bool _:
                    return false;
                default:
                    if (!IsNumber(value))
                    {
                        return false;
                    }

                    number = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                    return true;
            }
        }

        private static bool TryFromFloating(double value, out decimal number)
        {
            number = 0;
            if (double.IsNaN(value) || double.IsInfinity(value) || Math.Abs(value) >= 7.9e28)
            {
                return false;
            }

            number = (decimal)value;
            return true;
        }
    }
}
