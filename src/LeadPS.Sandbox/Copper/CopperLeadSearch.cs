using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// A parsed <c>POST /leads/search</c> body: filters (all must hold), sort and page. Filters set
    /// to null are ignored; unknown keys are refused so that a misspelt filter never silently
    /// widens a search. Sorting always breaks ties by id, so pages never overlap or skip.
    /// </summary>
    internal sealed class CopperLeadSearch
    {
        public const int DefaultPageSize = 20;
        public const int MaximumPageSize = 200;
        public const int MaximumReachableResults = 100000;

        /// <summary>In <c>assignee_ids</c>, Copper's marker for "no assignee".</summary>
        public const long Unassigned = -2;

        private readonly List<Func<CopperLead, bool>> _filters = new List<Func<CopperLead, bool>>();
        private int _pageNumber = 1;
        private int _pageSize = DefaultPageSize;
        private readonly long _now;
        private string? _sortBy;
        private bool _descending;
        private CopperLeadSort? _sort;

        private CopperLeadSearch(long now)
        {
            _now = now;
        }

        /// <param name="now">The server's time in unix seconds, for <c>age</c> and <c>inactive_days</c>.</param>
        public static CopperLeadSearch Parse(JObject body, CopperCatalogue catalogue, long now)
        {
            var search = new CopperLeadSearch(now);
            var errors = new CopperValidationErrors();
            foreach (var property in body.Properties())
            {
                if (!CopperJson.IsNull(property.Value))
                {
                    search.ParseKey(property.Name, property.Value, catalogue, errors);
                }
            }

            errors.ThrowIfAny();
            search._sort = CopperLeadSort.For(search._sortBy, search._descending, catalogue, now);
            return search;
        }

        /// <summary>The requested page and the total number of matches (for <c>X-PW-TOTAL</c>).</summary>
        public IReadOnlyList<CopperLead> Execute(IEnumerable<CopperLead> leads, out int total)
        {
            var matches = leads.Where(lead => _filters.All(filter => filter(lead))).ToList();
            total = matches.Count;
            _sort!.Sort(matches);

            // Copper serves only the first 100,000 matches, whatever the page.
            var reachable = Math.Min(total, MaximumReachableResults);
            var skip = (long)(_pageNumber - 1) * _pageSize;
            if (skip >= reachable)
            {
                return Array.Empty<CopperLead>();
            }

            return matches.GetRange((int)skip, (int)Math.Min(_pageSize, reachable - skip));
        }

        private void ParseKey(string key, JToken value, CopperCatalogue catalogue, CopperValidationErrors errors)
        {
            switch (key)
            {
                case "page_number":
                    _pageNumber = ParseInteger(key, value, 1, int.MaxValue, errors) ?? _pageNumber;
                    break;
                case "page_size":
                    _pageSize = ParseInteger(key, value, 1, MaximumPageSize, errors) ?? _pageSize;
                    break;
                case "sort_by":
                    _sortBy = ParseChoice(key, value, CopperLeadSort.Fields, errors);
                    break;
                case "sort_direction":
                    _descending = ParseChoice(key, value, new[] { "asc", "desc" }, errors) == "desc";
                    break;
                case "name":
                    var name = ParseString(key, value, errors);
                    AddFilter(name, lead => lead.Name.IndexOf(name!, StringComparison.OrdinalIgnoreCase) >= 0);
                    break;
                case "emails":
                    var emails = ParseStrings(key, value, errors);
                    AddFilter(emails, lead => lead.EmailAddress != null && emails!.Contains(lead.EmailAddress));
                    break;
                case "phone_number":
                    var phone = ParseString(key, value, errors);
                    var digits = Digits(phone ?? string.Empty);
                    if (phone != null && digits.Length == 0)
                    {
                        errors.Add(key, "must contain at least one digit");
                    }

                    AddFilter(digits.Length == 0 ? null : digits, lead => lead.PhoneNumbers.Any(number => Digits(number).Contains(digits)));
                    break;
                case "ids":
                    var ids = ParseIds(key, value, errors);
                    AddFilter(ids, lead => ids!.Contains(lead.Id));
                    break;
                case "status_ids":
                    var statusIds = ParseIds(key, value, errors);
                    AddFilter(statusIds, lead => statusIds!.Contains(lead.StatusId));
                    break;
                case "assignee_ids":
                    var assigneeIds = ParseIds(key, value, errors);
                    AddFilter(assigneeIds, lead => assigneeIds!.Contains(lead.AssigneeId ?? Unassigned));
                    break;
                case "customer_source_ids":
                    var sourceIds = ParseIds(key, value, errors);
                    AddFilter(sourceIds, lead => lead.CustomerSourceId.HasValue && sourceIds!.Contains(lead.CustomerSourceId.Value));
                    break;
                case "tags":
                    // Any of the tags; an empty list finds the leads without tags (Copper's "empty value" search).
                    var tags = ParseStrings(key, value, errors);
                    AddFilter(tags, lead => tags!.Count == 0 ? lead.Tags.Count == 0 : lead.Tags.Any(tags.Contains));
                    break;
                case "city":
                case "state":
                case "postal_code":
                case "country":
                    // Equal ignoring case; an empty string finds the leads without one.
                    var place = ParseString(key, value, errors)?.Trim();
                    var path = "address." + key;
                    AddFilter(place, lead => string.Equals(lead.Text(path)?.Trim() ?? string.Empty, place, StringComparison.OrdinalIgnoreCase));
                    break;
                case "age":
                    var age = ParseWholeNumber(key, value, errors);
                    AddFilter(age, lead => _now - lead.DateCreated <= age!.Value);
                    break;
                case "minimum_interaction_count":
                    var minCount = ParseWholeNumber(key, value, errors, "a count");
                    AddFilter(minCount, lead => lead.InteractionCount >= minCount!.Value);
                    break;
                case "maximum_interaction_count":
                    var maxCount = ParseWholeNumber(key, value, errors, "a count");
                    AddFilter(maxCount, lead => lead.InteractionCount <= maxCount!.Value);
                    break;
                case "minimum_interaction_date":
                    var minInteraction = ParseWholeNumber(key, value, errors);
                    AddFilter(minInteraction, lead => lead.DateLastContacted >= minInteraction!.Value);
                    break;
                case "maximum_interaction_date":
                    var maxInteraction = ParseWholeNumber(key, value, errors);
                    AddFilter(maxInteraction, lead => lead.DateLastContacted <= maxInteraction!.Value);
                    break;
                case "minimum_monetary_value":
                    var minValue = ParseNumber(key, value, errors);
                    AddFilter(minValue, lead => lead.Number("monetary_value") >= minValue!.Value);
                    break;
                case "maximum_monetary_value":
                    var maxValue = ParseNumber(key, value, errors);
                    AddFilter(maxValue, lead => lead.Number("monetary_value") <= maxValue!.Value);
                    break;
                case "minimum_modified_date":
                    var minModified = ParseWholeNumber(key, value, errors);
                    AddFilter(minModified, lead => lead.DateModified >= minModified!.Value);
                    break;
                case "maximum_modified_date":
                    var maxModified = ParseWholeNumber(key, value, errors);
                    AddFilter(maxModified, lead => lead.DateModified <= maxModified!.Value);
                    break;
                case "minimum_created_date":
                    var minCreated = ParseWholeNumber(key, value, errors);
                    AddFilter(minCreated, lead => lead.DateCreated >= minCreated!.Value);
                    break;
                case "maximum_created_date":
                    var maxCreated = ParseWholeNumber(key, value, errors);
                    AddFilter(maxCreated, lead => lead.DateCreated <= maxCreated!.Value);
                    break;
                case "custom_fields":
                    ParseCustomFields(value, catalogue, errors);
                    break;
                default:
                    // As Copper answers a lead attribute it does not know: a 422 naming it, never a silently wider search.
                    errors.Add(key, "is not a lead search field");
                    break;
            }
        }

        private void AddFilter(object? parsed, Func<CopperLead, bool> filter)
        {
            if (parsed != null)
            {
                _filters.Add(filter);
            }
        }

        private void ParseCustomFields(JToken value, CopperCatalogue catalogue, CopperValidationErrors errors)
        {
            if (!(value is JArray entries))
            {
                errors.Add("custom_fields", "must be an array of custom field filters");
                return;
            }

            for (var index = 0; index < entries.Count; index++)
            {
                var filter = CopperCustomFieldFilter.Parse(entries[index], "custom_fields[" + index + "]", catalogue, errors);
                if (filter != null)
                {
                    _filters.Add(filter);
                }
            }
        }

        private static int? ParseInteger(string key, JToken value, int minimum, int maximum, CopperValidationErrors errors)
        {
            if (!CopperJson.TryGetInt64(value, out var number))
            {
                errors.Add(key, "must be an integer, got " + CopperJson.Describe(value));
                return null;
            }

            if (number < minimum || number > maximum)
            {
                errors.Add(key, maximum == int.MaxValue ? "must be at least " + minimum : "must be between " + minimum + " and " + maximum);
                return null;
            }

            return (int)number;
        }

        private static string? ParseChoice(string key, JToken value, IReadOnlyList<string> choices, CopperValidationErrors errors)
        {
            var text = CopperJson.AsString(value);
            if (text == null || !choices.Contains(text))
            {
                errors.Add(key, "must be one of " + string.Join(", ", choices));
                return null;
            }

            return text;
        }

        private static string? ParseString(string key, JToken value, CopperValidationErrors errors)
        {
            var text = CopperJson.AsString(value);
            if (text == null)
            {
                errors.Add(key, "must be a string, got " + CopperJson.Describe(value));
            }

            return text;
        }

        private static HashSet<string>? ParseStrings(string key, JToken value, CopperValidationErrors errors)
        {
            if (!(value is JArray items) || items.Any(item => item.Type != JTokenType.String))
            {
                errors.Add(key, "must be an array of strings");
                return null;
            }

            return new HashSet<string>(items.Select(item => ((string)item!).Trim()), StringComparer.OrdinalIgnoreCase);
        }

        private static HashSet<long>? ParseIds(string key, JToken value, CopperValidationErrors errors)
        {
            if (value is JArray items && items.All(item => CopperJson.TryGetInt64(item, out _)))
            {
                return new HashSet<long>(items.Select(item => (long)item));
            }

            errors.Add(key, "must be an array of integer ids");
            return null;
        }

        private static long? ParseWholeNumber(string key, JToken value, CopperValidationErrors errors, string kind = "a date in unix seconds")
        {
            if (CopperJson.TryGetInt64(value, out var seconds))
            {
                return seconds;
            }

            errors.Add(key, "must be " + kind + " (an integer), got " + CopperJson.Describe(value));
            return null;
        }

        private static double? ParseNumber(string key, JToken value, CopperValidationErrors errors)
        {
            if (value.Type == JTokenType.Integer || value.Type == JTokenType.Float)
            {
                return (double)value;
            }

            errors.Add(key, "must be a number, got " + CopperJson.Describe(value));
            return null;
        }

        private static string Digits(string text) => new string(text.Where(char.IsDigit).ToArray());
    }
}
