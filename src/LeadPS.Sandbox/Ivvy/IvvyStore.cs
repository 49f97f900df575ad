using System.Collections.Generic;
using System.Linq;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>
    /// The emulator's in-memory account: the read-only catalogue plus contacts, companies and
    /// leads. Not thread-safe by itself; the emulator serialises every access with one lock.
    /// </summary>
    internal sealed class IvvyStore
    {
        private readonly SortedDictionary<long, IvvyContactRecord> _contacts;
        private readonly SortedDictionary<long, IvvyCompanyRecord> _companies;
        private readonly SortedDictionary<long, IvvyLeadRecord> _leads = new SortedDictionary<long, IvvyLeadRecord>();
        private long _nextContactId;
        private long _nextCompanyId;
        private long _nextLeadId;

        public IvvyStore(
            IEnumerable<IvvyNamedItem> qualities,
            IEnumerable<IvvyNamedItem> industries,
            IEnumerable<IvvyNamedItem> sources,
            IEnumerable<IvvyLeadType> types,
            IEnumerable<IvvyLeadStage> stages,
            IEnumerable<IvvyNamedItem> channels,
            IEnumerable<IvvyOwnerUser> owners,
            IEnumerable<IvvyNamedItem> customFields,
            IEnumerable<IvvyContactRecord> contacts,
            IEnumerable<IvvyCompanyRecord> companies,
            long firstLeadId)
        {
            Qualities = ById(qualities, q => q.Id);
            Industries = ById(industries, i => i.Id);
            Sources = ById(sources, s => s.Id);
            Types = ById(types, t => t.Id);
            Stages = ById(stages, s => s.Id);
            Channels = ById(channels, c => c.Id);
            Owners = ById(owners, o => o.Id);
            CustomFields = ById(customFields, f => f.Id);
            _contacts = new SortedDictionary<long, IvvyContactRecord>(contacts.ToDictionary(c => c.Id));
            _companies = new SortedDictionary<long, IvvyCompanyRecord>(companies.ToDictionary(c => c.Id));
            _nextContactId = _contacts.Keys.DefaultIfEmpty(0).Max() + 1;
            _nextCompanyId = _companies.Keys.DefaultIfEmpty(0).Max() + 1;
            _nextLeadId = firstLeadId;
        }

        public IReadOnlyDictionary<long, IvvyNamedItem> Qualities { get; }

        public IReadOnlyDictionary<long, IvvyNamedItem> Industries { get; }

        public IReadOnlyDictionary<long, IvvyNamedItem> Sources { get; }

        public IReadOnlyDictionary<long, IvvyLeadType> Types { get; }

        public IReadOnlyDictionary<long, IvvyLeadStage> Stages { get; }

        public IReadOnlyDictionary<long, IvvyNamedItem> Channels { get; }

        public IReadOnlyDictionary<long, IvvyOwnerUser> Owners { get; }

        public IReadOnlyDictionary<long, IvvyNamedItem> CustomFields { get; }

        /// <summary>Contacts in id order.</summary>
        public IEnumerable<IvvyContactRecord> Contacts => _contacts.Values;

        /// <summary>Companies in id order.</summary>
        public IEnumerable<IvvyCompanyRecord> Companies => _companies.Values;

        /// <summary>Leads in id order.</summary>
        public IEnumerable<IvvyLeadRecord> Leads => _leads.Values;

        public IvvyContactRecord? FindContact(long id) => _contacts.TryGetValue(id, out var contact) ? contact : null;

        public IvvyCompanyRecord? FindCompany(long id) => _companies.TryGetValue(id, out var company) ? company : null;

        public IvvyLeadRecord? FindLead(long id) => _leads.TryGetValue(id, out var lead) ? lead : null;

        public IvvyContactRecord AddContact(string firstName, string lastName, string email, string? phone)
        {
            var contact = new IvvyContactRecord(_nextContactId++, firstName, lastName, email, phone);
            _contacts.Add(contact.Id, contact);
            return contact;
        }

        public IvvyCompanyRecord AddCompany(string businessName, string? email, string? phone)
        {
            var company = new IvvyCompanyRecord(_nextCompanyId++, businessName, email, phone);
            _companies.Add(company.Id, company);
            return company;
        }

        public IvvyLeadRecord AddLead(System.DateTimeOffset createdDate)
        {
            var lead = new IvvyLeadRecord(_nextLeadId++, createdDate);
            _leads.Add(lead.Id, lead);
            return lead;
        }

        private static IReadOnlyDictionary<long, T> ById<T>(IEnumerable<T> items, System.Func<T, long> id) =>
            new SortedDictionary<long, T>(items.ToDictionary(id));
    }
}
