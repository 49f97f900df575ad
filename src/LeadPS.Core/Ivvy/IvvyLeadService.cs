using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LeadPS.Http;
using LeadPS.Leads;
using LeadPS.Mapping;
using Newtonsoft.Json.Linq;

namespace LeadPS.Ivvy
{
    /// <summary>iVvy lead operations for the cmdlets: mapping, add-or-update, listing. One per connection.</summary>
    internal sealed class IvvyLeadService
    {
        private readonly IvvyLeadClient _client;

        public IvvyLeadService(LeadApiConnection connection, IReadOnlyCollection<string> ignoredProperties)
        {
            Connection = connection;
            _client = new IvvyLeadClient(connection);
            Mapper = new IvvyLeadMapper(ignoredProperties);
        }

        public LeadApiConnection Connection { get; }

        public IvvyLeadMapper Mapper { get; }

        /// <summary>Adds (no id) or updates (id) a lead; the result shows what was sent over what was known.</summary>
        public async Task<IvvyLead> AddOrUpdateAsync(MappedLead lead, JObject? known, CancellationToken cancellationToken, IProgress<RetryNotice>? retries)
        {
            var sent = JObject.Parse(lead.Json);
            ReferToKnownContact(sent, known);
            var id = await _client.AddOrUpdateAsync(sent, cancellationToken, retries).ConfigureAwait(false);
            var merged = known != null ? (JObject)known.DeepClone() : new JObject();
            merged.Merge(sent, new JsonMergeSettings { MergeArrayHandling = MergeArrayHandling.Replace, MergeNullValueHandling = MergeNullValueHandling.Merge });
            merged["id"] = id;
            return Read(merged, lead.Id.HasValue ? LeadOutcome.Updated : LeadOutcome.Created);
        }

        /// <summary>
        /// An update whose nested contact carries only the e-mail of the lead's own contact (as when
        /// an upsert matched on e-mail) means that contact, not a new one: give it the contact's id.
        /// </summary>
        private static void ReferToKnownContact(JObject sent, JObject? known)
        {
            if (known == null || !(sent["contact"] is JObject contact) || contact["id"] != null)
            {
                return;
            }

            var knownContact = known["contact"] as JObject;
            var knownId = known["contactId"] ?? knownContact?["id"];
            var sameEmail = string.Equals(contact["email"]?.ToString()?.Trim(), knownContact?["email"]?.ToString()?.Trim(), StringComparison.OrdinalIgnoreCase);
            if (knownId != null && knownId.Type == JTokenType.Integer && sameEmail)
            {
                contact["id"] = knownId.DeepClone();
            }
        }

        /// <summary>Lists every lead (iVvy documents no filterable fields, so callers filter what comes back).</summary>
        public Task<long> ListAsync(Func<JObject, bool> onLead, CancellationToken cancellationToken) =>
            _client.GetLeadListAsync(null, onLead, cancellationToken);

        /// <summary>An index of every lead by the match field, for one upsert command.</summary>
        public async Task<IvvyLeadIndex> IndexAsync(string matchField, CancellationToken cancellationToken)
        {
            var index = new IvvyLeadIndex(matchField);
            await ListAsync(lead => { index.Add(lead); return true; }, cancellationToken).ConfigureAwait(false);
            return index;
        }

        public IvvyLead Read(JObject json, LeadOutcome outcome)
        {
            var lead = LeadReader.Ivvy(json, outcome);
            lead.Connection = Connection.Name;
            return lead;
        }

        /// <summary>The conflict error for 2 or more candidates, worded and shaped like Copper's.</summary>
        public static LeadMatchConflictException Conflict(IReadOnlyList<long> ids, string matchField, object? matchValue)
        {
            const int ListedLimit = 30;
            var exceeds = ids.Count > ListedLimit;
            var message = exceeds
                ? $"The upsert matched more than {ListedLimit} iVvy leads on {matchField} = '{matchValue}'. Narrow the match field."
                : $"The upsert matched {ids.Count} iVvy leads on {matchField} = '{matchValue}' ({string.Join(", ", ids)}); only a single match can be updated.";
            return new LeadMatchConflictException(message, LeadPlatform.Ivvy, exceeds ? Array.Empty<long>() : ids.ToArray(), exceeds, matchField, serverMessage: message);
        }
    }
}
