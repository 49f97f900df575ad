using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// The <c>sort_by</c> fields of <c>POST /leads/search</c> (docs/sandbox-copper.md, Search) and
    /// the order they give: text ignoring case, numbers and dates numerically, leads without a
    /// value last in either direction, ties broken by id so pages never overlap or skip.
    /// </summary>
    internal sealed class CopperLeadSort
    {
        /// <summary>Every field Copper's documentation lists for leads, including its older aliases.</summary>
        public static readonly IReadOnlyList<string> Fields = new[]
        {
            "name", "first_name", "last_name", "assignee", "company_name", "customer_source", "monetary_value", "value",
            "status", "title", "email", "phone", "city", "state", "country", "postal_code", "zip", "inactive_days",
            "last_interaction", "interaction_count", "date_created", "date_modified",
        };

        private readonly Func<CopperLead, IComparable?> _key;
        private readonly int _direction;

        private CopperLeadSort(Func<CopperLead, IComparable?> key, bool descending)
        {
            _key = key;
            _direction = descending ? -1 : 1;
        }

        /// <summary>The order for a sort field (null: creation order, i.e. by id) and direction.</summary>
        public static CopperLeadSort For(string? field, bool descending, CopperCatalogue catalogue, long now) =>
            new CopperLeadSort(Key(field, catalogue, now), descending);

        /// <summary>Sorts in place; each lead's key is computed once, not once per comparison.</summary>
        public void Sort(List<CopperLead> leads)
        {
            var keyed = leads.Select(lead => new KeyValuePair<IComparable?, CopperLead>(_key(lead), lead)).ToArray();
            Array.Sort(keyed, Compare);
            leads.Clear();
            leads.AddRange(keyed.Select(pair => pair.Value));
        }

        private int Compare(KeyValuePair<IComparable?, CopperLead> left, KeyValuePair<IComparable?, CopperLead> right)
        {
            if (left.Key == null || right.Key == null)
            {
                if (left.Key != null || right.Key != null)
                {
                    return left.Key == null ? 1 : -1;
                }
            }
            else
            {
                var order = left.Key.CompareTo(right.Key);
                if (order != 0)
                {
                    return order * _direction;
                }
            }

            return left.Value.Id.CompareTo(right.Value.Id) * _direction;
        }

        private static Func<CopperLead, IComparable?> Key(string? field, CopperCatalogue catalogue, long now)
        {
            switch (field)
            {
                case "name":
                    return lead => Folded(lead.Name);
                case "first_name":
                    return lead => Folded(CopperNameParts.Parse(lead.Name).FirstName);
                case "last_name":
                    return lead => Folded(CopperNameParts.Parse(lead.Name).LastName);
                case "assignee":
                    return lead => Folded(catalogue.Users.FirstOrDefault(user => user.Id == lead.AssigneeId)?.Name);
                case "customer_source":
                    return lead => Folded(catalogue.CustomerSources.FirstOrDefault(source => source.Id == lead.CustomerSourceId)?.Name);
                case "status":
                    // The account's own order of lead statuses (New, Unqualified, Contacted, Qualified).
                    return lead => catalogue.FindStatus(lead.StatusId)?.Order;
                case "monetary_value":
                case "value":
                    return lead => lead.Number("monetary_value");
                case "company_name":
                case "title":
                    return lead => Folded(lead.Text(field));
                case "email":
                    return lead => Folded(lead.EmailAddress);
                case "phone":
                    return lead => Folded(lead.PhoneNumbers.FirstOrDefault());
                case "city":
                case "state":
                case "country":
                case "postal_code":
                    return lead => Folded(lead.Text("address." + field));
                case "zip":
                    return lead => Folded(lead.Text("address.postal_code"));
                case "inactive_days":
                    // Time since the last interaction, or since creation when there was none: fewest first.
                    return lead => now - (lead.DateLastContacted ?? lead.DateCreated);
                case "last_interaction":
                    return lead => lead.DateLastContacted;
                case "interaction_count":
                    return lead => lead.InteractionCount;
                case "date_created":
                    return lead => lead.DateCreated;
                case "date_modified":
                    return lead => lead.DateModified;
                default:
                    return _ => null;
            }
        }

        private static IComparable? Folded(string? text) =>
            string.IsNullOrWhiteSpace(text) ? null : new OrdinalText(text!.Trim().ToUpperInvariant());

        /// <summary>Text compared ordinally (string's own CompareTo follows the current culture).</summary>
        private sealed class OrdinalText : IComparable
        {
            private readonly string _text;

            public OrdinalText(string text)
            {
                _text = text;
            }

            public int CompareTo(object? other) => string.CompareOrdinal(_text, ((OrdinalText)other!)._text);
        }
    }
}
