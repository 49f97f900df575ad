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
        private readonly IReadOnlyCollection<string> _ignored;

        public IvvyLeadService(LeadApiConnection connection, IReadOnlyCollection<string> ignoredProperties)
        {
            Connection = connection;
            _client = new IvvyLeadClient(connection);
            _ignored = ignoredProperties;
        }

        public LeadApiConnection Connection { get; }

        /// <summary>A mapper with a command's own options (-Culture, -EmptyValue).</summary>
        public IvvyLeadMapper MapperFor(LeadMappingOptions options) => new IvvyLeadMapper(_ignored, options);

        /// <summary>
        /// Adds (no id) or updates (id) a lead; the result is the whole lead as it now stands: what
        /// was sent over the lead as known, which is read first when an update does not know it
        /// (iVvy answers only an id). <paramref name="knewBefore"/> tells which lead ids existed
        /// before this command, so a lost answer to an add can be told apart from an older lead of the same name.
        /// </summary>
        public async Task<IvvyLead> AddOrUpdateAsync(MappedLead lead, JObject? known, CancellationToken cancellationToken, IProgress<RetryNotice>? retries, Func<long, bool>? knewBefore = null)
        {
            if (known == null && lead.Id.HasValue)
            {
                // Not listed: the update still goes, so an unknown id gets iVvy's own answer (24216).
                known = await FindAsync(lead.Id.Value, cancellationToken).ConfigureAwait(false);
            }

            var sent = lead.ToJObject();
            ReferToKnownContact(sent, known);
            var id = lead.Id.HasValue
                ? await _client.AddOrUpdateAsync(sent, cancellationToken, retries).ConfigureAwait(false)
                : await AddOnceAsync(sent, cancellationToken, retries, knewBefore).ConfigureAwait(false);
            var merged = Merge(known, sent);
            merged["id"] = id;
            return Read(merged, lead.Id.HasValue ? LeadOutcome.Updated : LeadOutcome.Created);
        }

        /// <summary>
        /// The lead as it now stands: what was sent over what was known, as iVvy applies it —
        /// custom fields merged by fieldId, and a nested contact or company that no longer belongs
        /// to the lead (its id changed) dropped rather than shown as current.
        /// </summary>
        private static JObject Merge(JObject? known, JObject sent)
        {
            var merged = known != null ? (JObject)known.DeepClone() : new JObject();
            foreach (var (idKey, nestedKey) in new[] { ("contactId", "contact"), ("companyId", "company") })
            {
                var nestedId = (merged[nestedKey] as JObject)?["id"]?.ToString();
                if (sent[idKey] != null && nestedId != null && nestedId != sent[idKey]!.ToString())
                {
                    merged.Remove(nestedKey);
                }
            }

            // A copy: Merge replaces an array's items in place.
            var customFields = (merged["customFields"] as JArray)?.DeepClone() as JArray;
            merged.Merge(sent, new JsonMergeSettings { MergeArrayHandling = MergeArrayHandling.Replace, MergeNullValueHandling = MergeNullValueHandling.Merge });
            if (customFields != null && sent["customFields"] is JArray sentFields)
            {
                var byId = customFields.OfType<JObject>().ToList();
                foreach (var field in sentFields.OfType<JObject>())
                {
                    byId.RemoveAll(f => f["fieldId"]?.ToString() == field["fieldId"]?.ToString());
                    byId.Add((JObject)field.DeepClone());
                }

                merged["customFields"] = new JArray(byId);
            }

            return merged;
        }

        /// <summary>
        /// An add is not idempotent. When its answer is lost, list the leads: a single new lead with
        /// this name and contact or company is the one just added; none means it was not added and is
        /// sent again; anything else is reported, never added a second time.
        /// </summary>
        private Task<long> AddOnceAsync(JObject sent, CancellationToken cancellationToken, IProgress<RetryNotice>? retries, Func<long, bool>? knewBefore) =>
            LostAnswer.SendAddAsync(
                LeadPlatform.Ivvy,
                $"'{sent["name"]}'",
                "addOrUpdateLead",
                Connection.MaximumRetryCount,
                () => _client.AddOrUpdateAsync(sent, cancellationToken, retries),
                () => FindSameLeadAsync(sent, cancellationToken),
                retries,
                // A single lead that was not there when the command listed the leads is the one just added.
                candidates => knewBefore == null ? null : SingleOrNull(candidates.Where(id => !knewBefore(id))),
                id => id);

        private static long? SingleOrNull(IEnumerable<long> ids)
        {
            var list = ids.Take(2).ToList();
            return list.Count == 1 ? list[0] : (long?)null;
        }

        private async Task<IReadOnlyList<long>> FindSameLeadAsync(JObject sent, CancellationToken cancellationToken)
        {
            var ids = new List<long>();
            await ListAsync(
                lead =>
                {
                    if (SameLead(sent, lead) && long.TryParse(lead["id"]?.ToString(), out var id))
                    {
                        ids.Add(id);
                    }

                    return true;
                },
                cancellationToken).ConfigureAwait(false);
            return ids;
        }

        private static bool SameLead(JObject sent, JObject listed)
        {
            if (!string.Equals(sent["name"]?.ToString()?.Trim(), listed["name"]?.ToString()?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            foreach (var key in new[] { "contactId", "companyId" })
            {
                var given = sent[key]?.ToString();
                if (!string.IsNullOrEmpty(given) && given != listed[key]?.ToString())
                {
                    return false;
                }
            }

            return true;
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

        /// <summary>
        /// The lead with this id as listed, or null. iVvy has no get-single-lead call: the list is
        /// asked for that id, and every lead it returns is checked here, so a platform that ignores
        /// the filter costs pages, not a wrong lead; one that refuses it is listed unfiltered.
        /// </summary>
        public async Task<JObject?> FindAsync(long id, CancellationToken cancellationToken)
        {
            JObject? found = null;
            Func<JObject, bool> onLead = listed =>
            {
                var isIt = long.TryParse(listed["id"]?.ToString(), out var listedId) && listedId == id;
                found = isIt ? listed : found;
                return !isIt;
            };
            try
            {
                await _client.GetLeadListAsync(new JObject { ["id"] = id }, onLead, cancellationToken).ConfigureAwait(false);
            }
            catch (LeadPlatformException ex) when (ex.ErrorKind == LeadErrorKind.ParameterInvalid)
            {
                await ListAsync(onLead, cancellationToken).ConfigureAwait(false);
            }

            return found;
        }

        /// <summary>Lists every lead (iVvy documents no filterable fields, so callers filter what comes back).</summary>
        public Task<long> ListAsync(Func<JObject, bool> onLead, CancellationToken cancellationToken) =>
            _client.GetLeadListAsync(null, onLead, cancellationToken);

        /// <summary>An index of every lead by the match field, for one upsert command.</summary>
        public async Task<IvvyLeadIndex> IndexAsync(string matchField, CancellationToken cancellationToken)
        {
            var index = new IvvyLeadIndex(matchField);
            await ListAsync(lead => { index.Add(lead); return true; }, cancellationToken).ConfigureAwait(false);
            index.Seal();
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
