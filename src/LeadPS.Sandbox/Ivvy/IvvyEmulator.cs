using System;
using System.Collections.Generic;
using System.Linq;
using LeadPS.Sandbox.Hosting;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>
    /// An in-memory emulator of iVvy's lead API (docs/sandbox-ivvy.md): signed requests, the
    /// stale-request rule, addOrUpdateLead with its documented rules, getLeadList and the lookup
    /// lists over a seeded catalogue. Safe for many concurrent callers; every problem is a
    /// response, never an exception.
    /// </summary>
    public sealed class IvvyEmulator : ISandboxPlatform
    {
        private const string PingKey = "test?action=ping";

        // One lock for the whole store: requests are tiny, and it keeps every call atomic.
        private readonly object _gate = new object();
        private readonly IvvyStore _store;
        private readonly SandboxClock _clock;
        private readonly IvvyRequestAuthenticator _authenticator;
        private readonly IvvyLeadWriter _leadWriter;
        private readonly IReadOnlyDictionary<string, Func<JObject, SandboxResponse>> _actions;

        public IvvyEmulator(SandboxOptions options, SandboxClock clock)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            _clock = clock ?? throw new ArgumentNullException(nameof(clock));
            _store = IvvySeedCatalogue.CreateStore();
            _authenticator = new IvvyRequestAuthenticator(options, clock);
            _leadWriter = new IvvyLeadWriter(_store, clock);
            var lists = new IvvyListActions(_store, options.IvvyLeadListFilters);
            _actions = new Dictionary<string, Func<JObject, SandboxResponse>>(StringComparer.Ordinal)
            {
                ["contact?action=addOrUpdateLead"] = AddOrUpdateLead,
                ["crm?action=getLeadList"] = lists.LeadList,
                ["crm?action=getLeadQualityList"] = lists.QualityList,
                ["crm?action=getLeadSourceList"] = lists.SourceList,
                ["crm?action=getLeadStageList"] = lists.StageList,
                ["crm?action=getLeadTypeList"] = lists.TypeList,
                ["crm?action=getLeadChannelList"] = lists.ChannelList,
                ["account?action=getIndustryList"] = lists.IndustryList,
                ["account?action=getUserList"] = lists.UserList,
                ["contact?action=getContactList"] = lists.ContactList,
                ["contact?action=getCompanyList"] = lists.CompanyList,
            };
        }

        /// <summary>A snapshot of every lead, in id order.</summary>
        public IReadOnlyList<SandboxIvvyLead> Leads
        {
            get
            {
                lock (_gate)
                {
                    return _store.Leads.Select(Snapshot).ToArray();
                }
            }
        }

        /// <summary>A snapshot of every contact (seeded and created), in id order.</summary>
        public IReadOnlyList<SandboxIvvyContact> Contacts
        {
            get
            {
                lock (_gate)
                {
                    return _store.Contacts.Select(c => new SandboxIvvyContact(c)).ToArray();
                }
            }
        }

        /// <summary>A snapshot of every company (seeded and created), in id order.</summary>
        public IReadOnlyList<SandboxIvvyCompany> Companies
        {
            get
            {
                lock (_gate)
                {
                    return _store.Companies.Select(c => new SandboxIvvyCompany(c)).ToArray();
                }
            }
        }

        public SandboxResponse Handle(SandboxRequest request)
        {
            try
            {
                return Dispatch(request);
            }
            catch (IvvyApiErrorException refused)
            {
                return refused.Error.ToResponse();
            }
#pragma warning disable CA1031 // The contract is "never throw": a bug in the emulator is a 500, like a real server's.
            catch (Exception)
#pragma warning restore CA1031
            {
                return new IvvyApiError(500, "Internal Server Error").ToResponse();
            }
        }

        /// <summary>
        /// Adds a contact lead straight into the store (no signing), through the same rules as
        /// addOrUpdateLead; returns its id. Throws <see cref="ArgumentException"/> if the rules refuse it.
        /// </summary>
        public long SeedLead(
            string name,
            long contactId,
            string? description = null,
            long industryId = IvvySeedIds.IndustryHospitality,
            long sourceId = IvvySeedIds.SourceWebsite,
            long typeId = IvvySeedIds.TypeReseller,
            long stageId = IvvySeedIds.StageNew)
        {
            var body = BaseSeed(name, description, sourceId, typeId, stageId);
            body["contactId"] = contactId;
            body["industryId"] = industryId;
            return Seed(body);
        }

        /// <summary>Adds a company lead straight into the store, like <see cref="SeedLead"/>.</summary>
        public long SeedCompanyLead(
            string name,
            long companyId,
            long companyLeadContactId,
            string? description = null,
            long sourceId = IvvySeedIds.SourceWebsite,
            long typeId = IvvySeedIds.TypeReseller,
            long stageId = IvvySeedIds.StageNew)
        {
            var body = BaseSeed(name, description, sourceId, typeId, stageId);
            body["companyId"] = companyId;
            body["companyLeadContactId"] = companyLeadContactId;
            return Seed(body);
        }

        private SandboxResponse Dispatch(SandboxRequest request)
        {
            if (request == null)
            {
                return new IvvyApiError(400, "Bad Request").ToResponse();
            }

            if (request.Method != "POST")
            {
                return new IvvyApiError(405, "Method Not Allowed: every iVvy call is a POST")
                    .ToResponse(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Allow"] = "POST" });
            }

            var route = IvvyRoute.TryParse(request);
            if (route == null)
            {
                return IvvyApiError.NotFound("Not Found: calls go to /api/1.0/{namespace}?action={action}").ToResponse();
            }

            var refused = _authenticator.Check(request);
            if (refused != null)
            {
                return refused.ToResponse();
            }

            if (route.Key == PingKey)
            {
                // Ping takes no parameters: whatever body was signed is accepted and ignored.
                return SandboxResponse.Json(200, new JObject { ["ack"] = true, ["timestamp"] = IvvyDates.ToText(_clock.UtcNow) });
            }

            if (!_actions.TryGetValue(route.Key, out var action))
            {
                return UnknownAction(route).ToResponse();
            }

            var body = IvvyJsonBody.ParseObject(request.Body);
            lock (_gate)
            {
                return action(body);
            }
        }

        private SandboxResponse AddOrUpdateLead(JObject body)
        {
            var id = _leadWriter.AddOrUpdate(body);
            return SandboxResponse.Json(200, new JObject { ["success"] = true, ["id"] = id });
        }

        private IvvyApiError UnknownAction(IvvyRoute route)
        {
            var namespaceKnown = route.Namespace == "test" || _actions.Keys.Any(k => k.StartsWith(route.Namespace + "?", StringComparison.Ordinal));
            return IvvyApiError.NotFound(namespaceKnown
                ? "Not Found: the action '" + route.Action + "' does not exist in namespace '" + route.Namespace + "'"
                : "Not Found: the namespace '" + route.Namespace + "' does not exist");
        }

        private SandboxIvvyLead Snapshot(IvvyLeadRecord lead) =>
            new SandboxIvvyLead(lead, IvvyLeadJson.Render(lead, _store).ToString(Newtonsoft.Json.Formatting.None));

        private static JObject BaseSeed(string name, string? description, long sourceId, long typeId, long stageId)
        {
            var body = new JObject
            {
                ["name"] = name,
                ["sourceId"] = sourceId,
                ["typeId"] = typeId,
                ["stageId"] = stageId,
            };
            if (description != null)
            {
                body["description"] = description;
            }

            return body;
        }

        private long Seed(JObject body)
        {
            try
            {
                lock (_gate)
                {
                    return _leadWriter.AddOrUpdate(body);
                }
            }
            catch (IvvyApiErrorException refused)
            {
                throw new ArgumentException(
                    refused.Error.Message + (refused.Error.AdditionalMessages.Count > 0 ? ": " + string.Join("; ", refused.Error.AdditionalMessages) : string.Empty));
            }
        }
    }
}
