using System;
using System.Collections.Generic;
using LeadPS.Sandbox.Hosting;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>
    /// The collection calls: getLeadList and the catalogue lookups, all answering
    /// <c>{meta, results}</c> with the same paging and filter rules. The caller holds the lock.
    /// </summary>
    internal sealed class IvvyListActions
    {
        private readonly IvvyStore _store;
        private readonly IReadOnlyDictionary<string, Func<IvvyLeadRecord, object?>> _leadFields;
        private readonly SandboxFilterSupport _leadFilters;

        public IvvyListActions(IvvyStore store, SandboxFilterSupport leadFilters = SandboxFilterSupport.Honoured)
        {
            _store = store;
            _leadFields = IvvyFilterFields.ForLeads(store);
            _leadFilters = leadFilters;
        }

        public SandboxResponse LeadList(JObject body) =>
            IvvyListQuery<IvvyLeadRecord>.Parse(ApplyLeadFilterSupport(body), _leadFields).Answer(_store.Leads, l => IvvyLeadJson.Render(l, _store));

        public SandboxResponse QualityList(JObject body) => Named(body, _store.Qualities.Values);

        public SandboxResponse SourceList(JObject body) => Named(body, _store.Sources.Values);

        public SandboxResponse ChannelList(JObject body) => Named(body, _store.Channels.Values);

        public SandboxResponse IndustryList(JObject body) => Named(body, _store.Industries.Values);

        public SandboxResponse StageList(JObject body) =>
            IvvyListQuery<IvvyLeadStage>.Parse(body, IvvyFilterFields.IdAndName<IvvyLeadStage>(s => s.Id, s => s.Name))
                .Answer(_store.Stages.Values, IvvyCatalogueJson.LeadStage);

        public SandboxResponse TypeList(JObject body) =>
            IvvyListQuery<IvvyLeadType>.Parse(body, IvvyFilterFields.IdAndName<IvvyLeadType>(t => t.Id, t => t.Name))
                .Answer(_store.Types.Values, IvvyCatalogueJson.LeadType);

        public SandboxResponse UserList(JObject body) =>
            IvvyListQuery<IvvyOwnerUser>.Parse(body, IvvyFilterFields.ForUsers())
                .Answer(_store.Owners.Values, IvvyCatalogueJson.User);

        public SandboxResponse ContactList(JObject body) =>
            IvvyListQuery<IvvyContactRecord>.Parse(body, IvvyFilterFields.ForContacts())
                .Answer(_store.Contacts, IvvyCatalogueJson.ContactSummary);

        public SandboxResponse CompanyList(JObject body) =>
            IvvyListQuery<IvvyCompanyRecord>.Parse(body, IvvyFilterFields.ForCompanies())
                .Answer(_store.Companies, c => IvvyCatalogueJson.Company(c, _store));

        // SandboxOptions.IvvyLeadListFilters: play a platform that ignores or refuses getLeadList's filter.
        private JObject ApplyLeadFilterSupport(JObject body)
        {
            var filter = IvvyParameters.Value(body, "filter");
            var given = filter is JObject entries && entries.Count > 0;
            if (!given || _leadFilters == SandboxFilterSupport.Honoured)
            {
                return body;
            }

            if (_leadFilters == SandboxFilterSupport.Refused)
            {
                throw new IvvyApiError(400, "'filter' does not validate", IvvySpecificCodes.ParameterInvalid, new[] { "getLeadList accepts no filter here (SandboxOptions.IvvyLeadListFilters = Refused)" }).ToException();
            }

            var unfiltered = (JObject)body.DeepClone();
            unfiltered.Remove("filter");
            return unfiltered;
        }

        private static SandboxResponse Named(JObject body, IEnumerable<IvvyNamedItem> items) =>
            IvvyListQuery<IvvyNamedItem>.Parse(body, IvvyFilterFields.IdAndName<IvvyNamedItem>(i => i.Id, i => i.Name))
                .Answer(items, IvvyCatalogueJson.Named);
    }
}
