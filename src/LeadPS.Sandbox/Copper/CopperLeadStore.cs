using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// The leads, with indexes on name and e-mail so that upserts stay cheap with 100,000+ leads.
    /// Not thread-safe by itself: the emulator holds its lock around every call.
    /// </summary>
    internal sealed class CopperLeadStore
    {
        private readonly Dictionary<long, CopperLead> _leads = new Dictionary<long, CopperLead>();
        private readonly Dictionary<string, List<long>> _idsByName = new Dictionary<string, List<long>>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, List<long>> _idsByEmail = new Dictionary<string, List<long>>(StringComparer.OrdinalIgnoreCase);
        private long _nextId;

        public CopperLeadStore(long firstId)
        {
            _nextId = firstId;
        }

        public int Count => _leads.Count;

        public IEnumerable<CopperLead> All => _leads.Values;

        public CopperLead? Find(long id) => _leads.TryGetValue(id, out var lead) ? lead : null;

        public CopperLead Add(CopperLeadChanges changes, long now, long defaultStatusId)
        {
            var lead = new CopperLead(_nextId++, now, defaultStatusId);
            lead.Apply(changes);
            _leads.Add(lead.Id, lead);
            Index(lead);
            return lead;
        }

        public void Update(CopperLead lead, CopperLeadChanges changes, long now)
        {
            Unindex(lead);
            lead.Apply(changes);
            lead.DateModified = now;
            Index(lead);
        }

        public bool Remove(long id)
        {
            if (!_leads.TryGetValue(id, out var lead))
            {
                return false;
            }

            Unindex(lead);
            return _leads.Remove(id);
        }

        /// <summary>Ids of leads whose name equals <paramref name="name"/>, ignoring case and surrounding blanks.</summary>
        public IReadOnlyCollection<long> IdsWithName(string name) => Lookup(_idsByName, name.Trim());

        /// <summary>Ids of leads whose e-mail address equals <paramref name="email"/>, ignoring case and surrounding blanks.</summary>
        public IReadOnlyCollection<long> IdsWithEmail(string email) => Lookup(_idsByEmail, email.Trim());

        private static IReadOnlyCollection<long> Lookup(Dictionary<string, List<long>> index, string key) =>
            index.TryGetValue(key, out var ids) ? ids.ToArray() : Array.Empty<long>();

        private void Index(CopperLead lead)
        {
            AddToIndex(_idsByName, lead.Name, lead.Id);
            AddToIndex(_idsByEmail, lead.EmailAddress, lead.Id);
        }

        private void Unindex(CopperLead lead)
        {
            RemoveFromIndex(_idsByName, lead.Name, lead.Id);
            RemoveFromIndex(_idsByEmail, lead.EmailAddress, lead.Id);
        }

        private static void AddToIndex(Dictionary<string, List<long>> index, string? key, long id)
        {
            if (string.IsNullOrEmpty(key))
            {
                return;
            }

            if (!index.TryGetValue(key!, out var ids))
            {
                ids = new List<long>(1);
                index.Add(key!, ids);
            }

            ids.Add(id);
        }

        private static void RemoveFromIndex(Dictionary<string, List<long>> index, string? key, long id)
        {
            if (!string.IsNullOrEmpty(key) && index.TryGetValue(key!, out var ids) && ids.Remove(id) && ids.Count == 0)
            {
                index.Remove(key!);
            }
        }
    }
}
