using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LeadPS.Ivvy
{
    /// <summary>
    /// Leads one command knows, indexed by the match field so each input finds its candidates
    /// without another request: the leads the command wrote (so two inputs with the same value
    /// never both create a lead) and, when the command had to list them, every lead of the account.
    /// </summary>
    internal sealed class IvvyLeadIndex
    {
        private readonly Dictionary<string, List<long>> _idsByKey = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        private readonly Dictionary<long, JObject> _leads = new Dictionary<long, JObject>();
        private readonly HashSet<long> _listedIds = new HashSet<long>();
        private readonly object _lock = new object();

        public IvvyLeadIndex(IvvyMatchField matchField)
        {
            MatchField = matchField ?? throw new ArgumentNullException(nameof(matchField));
        }

        public IvvyMatchField MatchField { get; }

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

        /// <summary>True for leads that were listed from the platform (not those this command wrote since).</summary>
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
                var key = MatchField.KeyOf(lead);
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

        public IReadOnlyList<long> Find(string? key)
        {
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
    }
}
