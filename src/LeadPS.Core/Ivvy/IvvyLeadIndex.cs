using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadPS.Mapping;
using Newtonsoft.Json.Linq;

namespace LeadPS.Ivvy
{
    /// <summary>
    /// iVvy has no upsert: the account's leads, listed once per command, indexed by the match
    /// field so each input finds its candidates without another request. Leads the command adds
    /// are indexed too, so two inputs with the same value never both create a lead.
    /// </summary>
    internal sealed class IvvyLeadIndex
    {
        private readonly Dictionary<string, List<long>> _idsByKey = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        private readonly Dictionary<long, JObject> _leads = new Dictionary<long, JObject>();
        private readonly HashSet<long> _listedIds = new HashSet<long>();
        private readonly object _lock = new object();

        public IvvyLeadIndex(string matchField)
        {
            MatchField = (matchField ?? throw new ArgumentNullException(nameof(matchField))).Trim();
        }

        public string MatchField { get; }

        public int Count
        {
            get
            {
                lock (_lock)
                {
                    return _leads.Count;
                }
            }
        }

        /// <summary>Compares match values the way people mean them: trimmed, case-insensitive, numbers by value.</summary>
        public static string? Key(object? value) => MatchKey.Of(value);

        /// <summary>True for leads that existed when the index was built (not those this command added).</summary>
        public bool KnewBefore(long id)
        {
            lock (_lock)
            {
                return _listedIds.Contains(id);
            }
        }

        /// <summary>Marks everything indexed so far as listed from the platform.</summary>
        public void Seal()
        {
            lock (_lock)
            {
                _listedIds.UnionWith(_leads.Keys);
            }
        }

        public void Add(JObject lead)
        {
            if (!long.TryParse(lead["id"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return;
            }

            lock (_lock)
            {
                _leads[id] = lead;
                var key = Key(ValueOf(lead));
                if (key == null)
                {
                    return;
                }

                if (!_idsByKey.TryGetValue(key, out var ids))
                {
                    _idsByKey[key] = ids = new List<long>();
                }

                if (!ids.Contains(id))
                {
                    ids.Add(id);
                }
            }
        }

        public IReadOnlyList<long> Find(object? matchValue)
        {
            var key = Key(matchValue);
            lock (_lock)
            {
                return key != null && _idsByKey.TryGetValue(key, out var ids) ? ids.ToList() : new List<long>();
            }
        }

        public JObject? Lead(long id)
        {
            lock (_lock)
            {
                return _leads.TryGetValue(id, out var lead) ? lead : null;
            }
        }

        /// <summary>
        /// The lead's value for the match field: <c>name</c>, <c>email</c> (its contact's), any
        /// top-level parameter (<c>contactId</c>), a nested one (<c>contact.phone</c>), or a custom
        /// field by id (<c>12</c> or <c>customFields.12</c>).
        /// </summary>
        private JToken? ValueOf(JObject lead)
        {
            var field = MatchField;
            if (field.Equals("email", StringComparison.OrdinalIgnoreCase))
            {
                return (lead["contact"] as JObject)?.GetValue("email", StringComparison.OrdinalIgnoreCase);
            }

            var customId = field.StartsWith("customFields.", StringComparison.OrdinalIgnoreCase) ? field.Substring("customFields.".Length) : field;
            if (customId.All(char.IsDigit))
            {
                return (lead.GetValue("customFields", StringComparison.OrdinalIgnoreCase) as JArray)?
                    .OfType<JObject>()
                    .FirstOrDefault(f => string.Equals(f["fieldId"]?.ToString(), customId, StringComparison.Ordinal))?["fieldValue"];
            }

            JToken? current = lead;
            foreach (var part in field.Split('.'))
            {
                current = (current as JObject)?.GetValue(part, StringComparison.OrdinalIgnoreCase);
            }

            return current;
        }
    }
}
