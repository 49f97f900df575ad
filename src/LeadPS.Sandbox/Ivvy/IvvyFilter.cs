using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>
    /// A list call's <c>filter</c> object: every entry must hold (AND). Keys are a field name,
    /// optionally followed by a documented suffix; an unknown field or suffix is 23016 rather than
    /// silently matching everything.
    /// </summary>
    internal sealed class IvvyFilter<T>
    {
        private static readonly IReadOnlyDictionary<string, IvvyFilterOperator> Suffixes = new Dictionary<string, IvvyFilterOperator>(StringComparer.Ordinal)
        {
            ["CONTAINS"] = IvvyFilterOperator.Contains,
            ["NOTCONTAINS"] = IvvyFilterOperator.NotContains,
            ["BEGINS"] = IvvyFilterOperator.Begins,
            ["ENDS"] = IvvyFilterOperator.Ends,
            ["LESSTHAN"] = IvvyFilterOperator.LessThan,
            ["GREATERTHAN"] = IvvyFilterOperator.GreaterThan,
            ["NOT"] = IvvyFilterOperator.Not,
            ["EMPTY"] = IvvyFilterOperator.Empty,
        };

        private readonly IReadOnlyList<IvvyFilterCondition<T>> _conditions;

        private IvvyFilter(IReadOnlyList<IvvyFilterCondition<T>> conditions)
        {
            _conditions = conditions;
        }

        public static IvvyFilter<T> Parse(JToken? filter, IReadOnlyDictionary<string, Func<T, object?>> fields)
        {
            if (filter == null || filter.Type == JTokenType.Null)
            {
                return new IvvyFilter<T>(new IvvyFilterCondition<T>[0]);
            }

            if (!(filter is JObject entries))
            {
                throw IvvyApiError.Invalid("filter", "Value must be an object").ToException();
            }

            var conditions = new List<IvvyFilterCondition<T>>();
            foreach (var entry in entries.Properties())
            {
                var key = entry.Name;
                var op = IvvyFilterOperator.Equal;
                var fieldName = key;
                var separator = key.LastIndexOf("__", StringComparison.Ordinal);
                if (separator > 0 && Suffixes.TryGetValue(key.Substring(separator + 2), out var suffixOperator))
                {
                    op = suffixOperator;
                    fieldName = key.Substring(0, separator);
                }

                if (!fields.TryGetValue(fieldName, out var field))
                {
                    var known = string.Join(", ", fields.Keys.OrderBy(k => k, StringComparer.Ordinal));
                    throw new IvvyApiError(
                        400,
                        "'filter' does not validate",
                        IvvySpecificCodes.ParameterInvalid,
                        new[] { "Unknown filter '" + key + "'. Filterable fields: " + known }).ToException();
                }

                conditions.Add(new IvvyFilterCondition<T>(field, op, entry.Value, key));
            }

            return new IvvyFilter<T>(conditions);
        }

        public bool Matches(T item) => _conditions.All(c => c.Matches(item));
    }
}
