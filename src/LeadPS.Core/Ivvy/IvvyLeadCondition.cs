using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace LeadPS.Ivvy
{
    /// <summary>
    /// One getLeadList filter entry (<c>"name__BEGINS": "Board"</c>) and the same test done locally,
    /// so every lead the platform returns can be checked: one that fails shows the filter was ignored.
    /// </summary>
    internal sealed class IvvyLeadCondition
    {
        private static readonly char[] Wildcards = { '*', '?', '[' };

        private readonly IvvyMatchField _field;
        private readonly string _suffix;
        private readonly string _text;

        private IvvyLeadCondition(IvvyMatchField field, string suffix, JValue value)
        {
            _field = field;
            _suffix = suffix;
            Value = value;
            _text = IvvyMatchField.Key(value) ?? string.Empty;
        }

        /// <summary>The filter key sent, e.g. <c>name</c> or <c>contactEmail__CONTAINS</c>.</summary>
        public string Key => _field.FilterKey + _suffix;

        public JValue Value { get; }

        /// <summary>The field equals <paramref name="value"/> (as <see cref="IvvyMatchField.Key"/> compares); null when the field has no filter key.</summary>
        public static IvvyLeadCondition? Equal(IvvyMatchField field, object value)
        {
            if (field.FilterKey == null || IvvyMatchField.Key(value) == null)
            {
                return null;
            }

            var sent = value is string text ? new JValue(text.Trim()) : value is JValue json ? json : new JValue(value);
            return new IvvyLeadCondition(field, string.Empty, sent);
        }

        /// <summary>
        /// The narrowest filter a wildcard pattern fits: the pattern itself when it has no wildcard,
        /// <c>__BEGINS</c> its leading text, else <c>__ENDS</c> its trailing text, else <c>__CONTAINS</c>
        /// its longest literal run. Null when there is no literal text to ask for (<c>*</c>) or the
        /// pattern escapes a wildcard. The caller still matches the real pattern locally.
        /// </summary>
        public static IvvyLeadCondition? ForWildcard(IvvyMatchField field, string pattern)
        {
            if (field.FilterKey == null || pattern.IndexOf('`') >= 0)
            {
                return null;
            }

            if (pattern.IndexOfAny(Wildcards) < 0)
            {
                return Equal(field, pattern);
            }

            var runs = Literals(pattern);
            var leading = runs.Count > 0 && runs[0].Start == 0 ? runs[0].Text : null;
            var last = runs.Count > 0 ? runs[runs.Count - 1] : default;
            var trailing = runs.Count > 0 && last.Start + last.Text.Length == pattern.Length ? last.Text : null;
            if (!string.IsNullOrWhiteSpace(leading))
            {
                return new IvvyLeadCondition(field, "__BEGINS", new JValue(leading));
            }

            if (!string.IsNullOrWhiteSpace(trailing))
            {
                return new IvvyLeadCondition(field, "__ENDS", new JValue(trailing));
            }

            string? longest = null;
            foreach (var run in runs)
            {
                if (!string.IsNullOrWhiteSpace(run.Text) && (longest == null || run.Text.Length > longest.Length))
                {
                    longest = run.Text;
                }
            }

            return longest == null ? null : new IvvyLeadCondition(field, "__CONTAINS", new JValue(longest));
        }

        /// <summary>True when <paramref name="lead"/> satisfies the filter, compared case-insensitively.</summary>
        public bool Holds(JObject lead)
        {
            var actual = IvvyMatchField.Key(_field.ValueOf(lead)) ?? string.Empty;
            switch (_suffix)
            {
                case "__BEGINS":
                    return actual.StartsWith(_text, StringComparison.Ordinal);
                case "__ENDS":
                    return actual.EndsWith(_text, StringComparison.Ordinal);
                case "__CONTAINS":
                    return actual.IndexOf(_text, StringComparison.Ordinal) >= 0;
                default:
                    return actual.Length > 0 && actual == _text;
            }
        }

        /// <summary>The same condition with the value in another case (upper, else lower); null when it has no letters to change.</summary>
        public IvvyLeadCondition? InOtherCase()
        {
            if (!(Value.Value is string text))
            {
                return null;
            }

            var other = text.ToUpperInvariant();
            if (other == text)
            {
                other = text.ToLowerInvariant();
            }

            return other == text ? null : new IvvyLeadCondition(_field, _suffix, new JValue(other));
        }

        public override string ToString() => $"{Key} = '{Value}'";

        // The literal runs between wildcards ('*', '?', '[...]'), with where each starts.
        private static List<(int Start, string Text)> Literals(string pattern)
        {
            var runs = new List<(int, string)>();
            var start = 0;
            for (var i = 0; i <= pattern.Length; i++)
            {
                var atWildcard = i < pattern.Length && Array.IndexOf(Wildcards, pattern[i]) >= 0;
                if (i < pattern.Length && !atWildcard)
                {
                    continue;
                }

                if (i > start)
                {
                    runs.Add((start, pattern.Substring(start, i - start)));
                }

                if (i < pattern.Length && pattern[i] == '[')
                {
                    var close = pattern.IndexOf(']', i + 1);
                    i = close < 0 ? pattern.Length : close;
                }

                start = i + 1;
            }

            return runs;
        }
    }
}
