using System;
using System.Collections.Generic;
using System.Globalization;
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
        private long _knownLeadCount = -1;

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
                known = await FindByIdAsync(lead.Id.Value, cancellationToken).ConfigureAwait(false);
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
        /// An add is not idempotent. When its answer is lost, look for leads with this name and
        /// contact or company: a single one that was not there before is the one just added; none
        /// means it was not added and is sent again; anything else is reported, never added twice.
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
                // A single lead that was not there when the command looked the leads up is the one just added.
                candidates => knewBefore == null ? null : SingleOrNull(candidates.Where(id => !knewBefore(id))),
                id => id);

        private static long? SingleOrNull(IEnumerable<long> ids)
        {
            var list = ids.Take(2).ToList();
            return list.Count == 1 ? list[0] : (long?)null;
        }

        /// <summary>The leads like <paramref name="sent"/>: asked by name where iVvy honours it, else every lead listed.</summary>
        private async Task<IReadOnlyList<long>> FindSameLeadAsync(JObject sent, CancellationToken cancellationToken)
        {
            var byName = sent["name"] is JValue name && name.Value != null ? IvvyLeadCondition.Equal(IvvyMatchField.Name, name) : null;
            var leads = byName == null ? null : await FindAsync(new[] { byName }, int.MaxValue, cancellationToken).ConfigureAwait(false);
            if (leads == null)
            {
                var all = new List<JObject>();
                await ListAsync(lead => { all.Add(lead); return true; }, cancellationToken).ConfigureAwait(false);
                leads = all;
            }

            return leads.Where(lead => SameLead(sent, lead)).Select(IdOf).Where(id => id > 0).ToList();
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

        /// <summary>What this connection learnt about getLeadList's filter keys (ignored or refused ones).</summary>
        public IvvyFilterSupport Filters { get; } = new IvvyFilterSupport();

        /// <summary>
        /// The lead with this id as listed, or null. iVvy has no get-single-lead call: the list is
        /// asked for that id (every lead returned is checked), or, where this connection learnt that
        /// iVvy ignores or refuses the filter, the leads are listed until it turns up.
        /// </summary>
        public async Task<JObject?> FindByIdAsync(long id, CancellationToken cancellationToken)
        {
            var asked = await FindAsync(new[] { IvvyLeadCondition.Equal(IvvyMatchField.Id, id)! }, 1, cancellationToken).ConfigureAwait(false);
            if (asked != null)
            {
                return asked.FirstOrDefault(lead => IdOf(lead) == id);
            }

            JObject? found = null;
            await ListAsync(lead => { found = IdOf(lead) == id ? lead : null; return found == null; }, cancellationToken).ConfigureAwait(false);
            return found;
        }

        /// <summary>The account's lead count at the last unfiltered listing or count on this connection; -1 before any.</summary>
        public long KnownLeadCount => Interlocked.Read(ref _knownLeadCount);

        /// <summary>Lists every lead, every page; <paramref name="onLead"/> returns false to stop early.</summary>
        public async Task<long> ListAsync(Func<JObject, bool> onLead, CancellationToken cancellationToken)
        {
            var total = await _client.GetLeadListAsync(null, onLead, cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref _knownLeadCount, total);
            return total;
        }

        /// <summary>The account's lead count, for one request (a page of one lead).</summary>
        public async Task<long> CountAsync(CancellationToken cancellationToken)
        {
            var total = await _client.GetLeadListAsync(null, _ => false, cancellationToken, pageSize: 1).ConfigureAwait(false);
            Interlocked.Exchange(ref _knownLeadCount, total);
            return total;
        }

        /// <summary>
        /// Asks getLeadList for the leads that satisfy <paramref name="conditions"/> (those iVvy is not
        /// known to ignore or refuse on this connection) and checks every lead returned against them.
        /// Null when no condition can be asked, or the answer shows a filter was ignored, refused or
        /// narrower than LeadPS's rule: that is remembered for the connection, and the caller lists
        /// every lead instead. Stops after <paramref name="maximum"/> leads.
        /// </summary>
        public async Task<IReadOnlyList<JObject>?> FindAsync(IReadOnlyList<IvvyLeadCondition> conditions, int maximum, CancellationToken cancellationToken)
        {
            var asked = conditions.Where(c => Filters.IsUsable(c.Key)).ToList();
            if (asked.Count == 0)
            {
                return null;
            }

            var leads = await AskAsync(asked, maximum, cancellationToken).ConfigureAwait(false);
            if (leads == null || leads.Count == 0 || asked.Count > 1 || Filters.IsCaseChecked(asked[0].Key))
            {
                return leads;
            }

            // Leads found: once per key and connection, check that iVvy ignores case as LeadPS does, by
            // asking again in another case. A filter that misses leads would make an upsert add a duplicate.
            var otherCase = asked[0].InOtherCase();
            if (otherCase != null)
            {
                var again = await AskAsync(new[] { otherCase }, maximum, cancellationToken).ConfigureAwait(false);
                if (again == null)
                {
                    return null;
                }

                var missed = leads.Select(IdOf).Except(again.Select(IdOf)).ToList();
                if (missed.Count > 0)
                {
                    Filters.MarkCaseSensitive(asked[0].Key, missed[0]);
                    return null;
                }
            }

            Filters.MarkCaseChecked(asked[0].Key);
            return leads;
        }

        private async Task<List<JObject>?> AskAsync(IReadOnlyList<IvvyLeadCondition> asked, int maximum, CancellationToken cancellationToken)
        {
            var filter = new JObject();
            foreach (var condition in asked)
            {
                filter[condition.Key] = condition.Value;
            }

            var leads = new List<JObject>();
            var ignored = false;
            try
            {
                await _client.GetLeadListAsync(
                    filter,
                    lead =>
                    {
                        foreach (var failed in asked.Where(c => !c.Holds(lead)))
                        {
                            ignored = true;
                            Filters.MarkIgnored(failed.Key, IdOf(lead));
                        }

                        leads.Add(lead);
                        return !ignored && leads.Count < maximum;
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (LeadApiException refused) when (NamesFilter(refused))
            {
                foreach (var condition in asked)
                {
                    Filters.MarkRefused(condition.Key, refused.ServerMessage ?? refused.Message);
                }

                return null;
            }

            return ignored ? null : leads;
        }

        /// <summary>The conditions' reasons for not asking iVvy, for -Verbose; null when all were asked.</summary>
        public string? WhyNotFiltered(IEnumerable<IvvyLeadCondition?> conditions)
        {
            var reasons = conditions.Where(c => c != null).Select(c => Filters.Reason(c!.Key)).Where(r => r != null).ToList();
            return reasons.Count == 0 ? null : string.Join("; ", reasons);
        }

        // 23016 / 23017 whose message names the filter: the platform does not take it.
        private static bool NamesFilter(LeadApiException error) =>
            (error.ErrorKind == LeadErrorKind.ParameterInvalid || error.ErrorKind == LeadErrorKind.ParameterMissing)
            && new[] { error.ServerMessage }.Concat(error.AdditionalMessages).Any(m => m != null && m.IndexOf("filter", StringComparison.OrdinalIgnoreCase) >= 0);

        /// <summary>A listed lead's id; 0 when it has none that reads as one.</summary>
        internal static long IdOf(JObject lead) =>
            long.TryParse(lead["id"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;

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
