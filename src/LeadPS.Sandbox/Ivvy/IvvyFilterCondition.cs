using System;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>
    /// One filter entry, e.g. <c>"name__CONTAINS": "conf"</c>. Values compare as text, case-insensitively
    /// (numbers in their invariant form, so <c>"stageId": "53"</c> and <c>53</c> agree); LESSTHAN and
    /// GREATERTHAN are inclusive and numeric when both sides are numbers, else ordinal (dates sort as text).
    /// </summary>
    internal sealed class IvvyFilterCondition<T>
    {
        private const string IsNullValue = "__ISNULL__";

        private readonly Func<T, object?> _field;
        private readonly IvvyFilterOperator _operator;
        private readonly string? _text;
        private readonly bool _wantEmpty;

        public IvvyFilterCondition(Func<T, object?> field, IvvyFilterOperator op, JToken value, string key)
        {
            _field = field;
            _operator = op;
            if (op == IvvyFilterOperator.Empty)
            {
                _wantEmpty = ReadFlag(value, key);
                return;
            }

            switch (value.Type)
            {
                case JTokenType.String:
                case JTokenType.Integer:
                case JTokenType.Float:
                case JTokenType.Boolean:
                    _text = Text(((JValue)value).Value);
                    break;
                default:
                    throw IvvyApiError.Invalid("filter", "'" + key + "' must be a string or a number").ToException();
            }
        }

        public bool Matches(T item)
        {
            var actual = Text(_field(item));
            var isEmpty = string.IsNullOrEmpty(actual);
            switch (_operator)
            {
                case IvvyFilterOperator.Empty:
                    return isEmpty == _wantEmpty;
                case IvvyFilterOperator.Equal:
                    return _text == IsNullValue ? isEmpty : Same(actual, _text);
                case IvvyFilterOperator.Not:
                    return _text == IsNullValue ? !isEmpty : !Same(actual, _text);
                case IvvyFilterOperator.Contains:
                    return actual != null && actual.IndexOf(_text!, StringComparison.OrdinalIgnoreCase) >= 0;
                case IvvyFilterOperator.NotContains:
                    return actual == null || actual.IndexOf(_text!, StringComparison.OrdinalIgnoreCase) < 0;
                case IvvyFilterOperator.Begins:
                    return actual != null && actual.StartsWith(_text!, StringComparison.OrdinalIgnoreCase);
                case IvvyFilterOperator.Ends:
                    return actual != null && actual.EndsWith(_text!, StringComparison.OrdinalIgnoreCase);
                case IvvyFilterOperator.LessThan:
                    return actual != null && Compare(actual, _text!) <= 0;
                case IvvyFilterOperator.GreaterThan:
                    return actual != null && Compare(actual, _text!) >= 0;
                default:
                    return false;
            }
        }

        private static bool Same(string? actual, string? expected) =>
            string.Equals(actual ?? string.Empty, expected, StringComparison.OrdinalIgnoreCase);

        private static int Compare(string actual, string expected) =>
            decimal.TryParse(actual, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(expected, NumberStyles.Number, CultureInfo.InvariantCulture, out var b)
                ? a.CompareTo(b)
                : string.CompareOrdinal(actual.ToUpperInvariant(), expected.ToUpperInvariant());

        private static string? Text(object? value) =>
            value == null ? null
            : value is bool flag ? (flag ? "true" : "false")
            : Convert.ToString(value, CultureInfo.InvariantCulture);

        private static bool ReadFlag(JToken value, string key)
        {
            if (value.Type == JTokenType.Boolean)
            {
                return (bool)value;
            }

            if (value.Type == JTokenType.Integer && ((long)value == 0 || (long)value == 1))
            {
                return (long)value == 1;
            }

            throw IvvyApiError.Invalid("filter", "'" + key + "' must be true or false").ToException();
        }
    }
}
