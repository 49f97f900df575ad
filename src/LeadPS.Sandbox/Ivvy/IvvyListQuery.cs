using System;
using System.Collections.Generic;
using System.Linq;
using LeadPS.Sandbox.Hosting;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>
    /// A collection call's paging and filter: <c>perPage</c> (default 100, capped at 100), <c>start</c>
    /// (zero-based record offset, default 0) and <c>filter</c>; answers <c>{meta, results}</c>.
    /// </summary>
    internal sealed class IvvyListQuery<T>
    {
        public const int DefaultPerPage = 100;
        public const int MaxPerPage = 100;

        private IvvyListQuery(int perPage, int start, IvvyFilter<T> filter)
        {
            PerPage = perPage;
            Start = start;
            Filter = filter;
        }

        public int PerPage { get; }

        public int Start { get; }

        public IvvyFilter<T> Filter { get; }

        public static IvvyListQuery<T> Parse(JObject body, IReadOnlyDictionary<string, Func<T, object?>> filterFields)
        {
            // iVvy: a perPage above the cap "will not have any effect" - the cap applies, no error.
            var perPage = Math.Min(IvvyParameters.WholeNumber(body, "perPage", "perPage") ?? DefaultPerPage, MaxPerPage);
            if (perPage < 1)
            {
                throw IvvyApiError.Invalid("perPage", "Value must be 1 or more").ToException();
            }

            var start = IvvyParameters.WholeNumber(body, "start", "start") ?? 0;
            if (start < 0 || start > int.MaxValue)
            {
                throw IvvyApiError.Invalid("start", "Value must be zero or more").ToException();
            }

            var filter = IvvyFilter<T>.Parse(IvvyParameters.Value(body, "filter"), filterFields);
            return new IvvyListQuery<T>((int)perPage, (int)start, filter);
        }

        /// <summary>Filters, pages and renders <paramref name="items"/> (already in id order).</summary>
        public SandboxResponse Answer(IEnumerable<T> items, Func<T, JObject> render)
        {
            var matching = items.Where(Filter.Matches).ToList();
            var page = matching.Skip(Start).Take(PerPage).Select(render).ToList();
            var body = new JObject
            {
                ["meta"] = new JObject
                {
                    ["totalResults"] = matching.Count,
                    ["start"] = Start,
                    ["perPage"] = PerPage,
                    ["count"] = page.Count,
                },
                ["results"] = new JArray(page),
            };
            return SandboxResponse.Json(200, body);
        }
    }
}
