using System;
using System.Numerics;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>
    /// Typed reads of request parameters. A missing key and a JSON <c>null</c> both mean "not given";
    /// a value of the wrong type is iVvy's 23016, named by its path (e.g. <c>'contact.email'</c>).
    /// </summary>
    internal static class IvvyParameters
    {
        public static bool IsGiven(JObject source, string key) =>
            source.TryGetValue(key, StringComparison.Ordinal, out var token) && token.Type != JTokenType.Null;

        public static JToken? Value(JObject source, string key) =>
            IsGiven(source, key) ? source[key] : null;

        public static long? WholeNumber(JObject source, string key, string path)
        {
            var token = Value(source, key);
            return token == null ? (long?)null : ToWholeNumber(token, path);
        }

        /// <summary>JSON integers, and floats without a fraction (12.0); strings are refused so a client that passes here passes on the platform.</summary>
        public static long ToWholeNumber(JToken token, string path)
        {
            switch (token.Type)
            {
                case JTokenType.Integer:
                    var value = ((JValue)token).Value;
                    if (value is BigInteger)
                    {
                        throw IvvyApiError.Invalid(path, "Value is out of range").ToException();
                    }

                    return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
                case JTokenType.Float:
                    var number = token.Value<double>();
                    if (Math.Floor(number) == number && Math.Abs(number) < 9e15)
                    {
                        return (long)number;
                    }

                    break;
            }

            throw IvvyApiError.Invalid(path, "Value must be a whole number").ToException();
        }

        public static string? Text(JObject source, string key, string path)
        {
            var token = Value(source, key);
            if (token == null)
            {
                return null;
            }

            return token.Type == JTokenType.String
                ? (string)token!
                : throw IvvyApiError.Invalid(path, "Value must be a string").ToException();
        }

        public static JObject? Object(JObject source, string key, string path)
        {
            var token = Value(source, key);
            if (token == null)
            {
                return null;
            }

            return token as JObject ?? throw IvvyApiError.Invalid(path, "Value must be an object").ToException();
        }

        public static JArray? ArrayOfObjects(JObject source, string key, string path)
        {
            var token = Value(source, key);
            if (token == null)
            {
                return null;
            }

            if (token is JArray array)
            {
                foreach (var item in array)
                {
                    if (item.Type != JTokenType.Object)
                    {
                        throw IvvyApiError.Invalid(path, "Value must be an array of objects").ToException();
                    }
                }

                return array;
            }

            throw IvvyApiError.Invalid(path, "Value must be an array of objects").ToException();
        }

        /// <summary>A required text inside a structure: absent or blank is iVvy's 23017.</summary>
        public static string RequiredText(JObject source, string key, string path)
        {
            var value = Text(source, key, path);
            return string.IsNullOrWhiteSpace(value) ? throw IvvyApiError.Missing(path).ToException() : value!;
        }

        /// <summary>An e-mail address: text around one '@', no spaces — enough to catch a name put in the e-mail column.</summary>
        public static string? Email(JObject source, string key, string path)
        {
            var value = Text(source, key, path);
            if (value == null)
            {
                return null;
            }

            var at = value.IndexOf('@');
            return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1 && value.IndexOf(' ') < 0
                ? value
                : throw IvvyApiError.Invalid(path, "Value must be a valid email address").ToException();
        }
    }
}
