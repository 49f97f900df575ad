using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LeadPS.Http;
using LeadPS.Leads;
using LeadPS.Mapping;
using Newtonsoft.Json.Linq;

namespace LeadPS.Copper
{
    /// <summary>
    /// Copper lead operations for the cmdlets: the connection's custom field definitions (fetched
    /// once, cached), mapping, and the calls. One per connection; safe for concurrent use.
    /// </summary>
    internal sealed class CopperLeadService
    {
        private readonly CopperLeadClient _client;
        private readonly IReadOnlyCollection<string> _ignored;
        private readonly object _lock = new object();
        private Task<CopperSchema>? _schema;

        public CopperLeadService(LeadApiConnection connection, IReadOnlyCollection<string> ignoredProperties)
        {
            Connection = connection;
            _client = new CopperLeadClient(connection);
            _ignored = ignoredProperties;
        }

        public LeadApiConnection Connection { get; }

        /// <summary>The custom field definitions if they were already fetched (so -WhatIf need not ask).</summary>
        public CopperSchema? CachedSchema
        {
            get
            {
                var schema = _schema;
                return schema != null && schema.Status == TaskStatus.RanToCompletion ? schema.Result : null;
            }
        }

        /// <summary>The custom field definitions, fetched on first use; a failed fetch is tried again next time.</summary>
        public Task<CopperSchema> SchemaAsync(CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                if (_schema == null || _schema.IsFaulted || _schema.IsCanceled)
                {
                    _schema = FetchSchemaAsync(cancellationToken);
                }

                return _schema;
            }
        }

        public CopperLeadMapper Mapper(CopperSchema? schema, LeadMappingOptions? options = null) => new CopperLeadMapper(schema, _ignored, options);

        public async Task<CopperLead> UpsertAsync(MappedLead upsert, CancellationToken cancellationToken, IProgress<RetryNotice>? retries)
        {
            var isIdempotent = MatchCarriedByProperties(upsert.Body);
            var json = await _client.UpsertAsync(upsert.Json, isIdempotent, cancellationToken, retries).ConfigureAwait(false);
            return Read(json, LeadOutcome.Upserted);
        }

        /// <summary>
        /// An upsert is safe to send twice only when the lead it creates carries the match value, so
        /// the second one finds the first. With a -MatchValue the properties do not hold, a lost
        /// answer followed by a resend could create two leads, so it is not resent.
        /// </summary>
        internal static bool MatchCarriedByProperties(JObject body)
        {
            var properties = body["properties"] as JObject;
            var match = body["match"] as JObject;
            var value = match?["field_value"];
            switch (match?["field_name"]?.ToString())
            {
                case "email":
                    return SameText((properties?["email"] as JObject)?["email"], value);
                case "name":
                    return SameText(properties?["name"], value);
                case "custom":
                    var definition = value?["custom_field_definition_id"]?.ToString();
                    return (properties?["custom_fields"] as JArray)?.OfType<JObject>()
                        .Any(f => f["custom_field_definition_id"]?.ToString() == definition && JToken.DeepEquals(f["value"], value?["value"])) == true;
                default:
                    return false;
            }
        }

        private static bool SameText(JToken? a, JToken? b) =>
            a != null && b != null && a.Type != JTokenType.Null
            && string.Equals(a.ToString().Trim(), b.ToString().Trim(), StringComparison.OrdinalIgnoreCase);

        /// <summary>POST /leads without an id, PUT /leads/{id} with one.</summary>
        public async Task<CopperLead> SetAsync(MappedLead lead, CancellationToken cancellationToken, IProgress<RetryNotice>? retries)
        {
            if (lead.Id.HasValue)
            {
                return Read(await _client.UpdateAsync(lead.Id.Value, lead.Json, cancellationToken, retries).ConfigureAwait(false), LeadOutcome.Updated);
            }

            return Read(await CreateOnceAsync(lead, cancellationToken, retries).ConfigureAwait(false), LeadOutcome.Created);
        }

        /// <summary>
        /// POST /leads is not idempotent. When its answer is lost, search for the lead: none means it
        /// was not created and is sent again; any match is reported, never created a second time.
        /// </summary>
        private Task<JObject> CreateOnceAsync(MappedLead lead, CancellationToken cancellationToken, IProgress<RetryNotice>? retries) =>
            LostAnswer.SendAddAsync(
                LeadPlatform.Copper,
                $"'{lead.Name}'",
                "POST /leads",
                Connection.MaximumRetryCount,
                () => _client.CreateAsync(lead.Json, cancellationToken, retries),
                () => FindSameLeadAsync(lead.Body, cancellationToken),
                retries);

        private async Task<IReadOnlyList<long>> FindSameLeadAsync(JObject properties, CancellationToken cancellationToken)
        {
            var name = properties["name"]?.ToString();
            var email = (properties["email"] as JObject)?["email"]?.ToString();
            var filter = new JObject { ["name"] = name };
            if (!string.IsNullOrEmpty(email))
            {
                filter["emails"] = new JArray(email!);
            }

            var ids = new List<long>();
            await _client.SearchAsync(
                filter,
                found =>
                {
                    var sameName = string.Equals(found["name"]?.ToString(), name, StringComparison.OrdinalIgnoreCase);
                    var sameEmail = string.IsNullOrEmpty(email) || string.Equals((found["email"] as JObject)?["email"]?.ToString(), email, StringComparison.OrdinalIgnoreCase);
                    if (sameName && sameEmail && long.TryParse(found["id"]?.ToString(), out var id))
                    {
                        ids.Add(id);
                    }

                    return true;
                },
                cancellationToken).ConfigureAwait(false);
            return ids;
        }

        public async Task<CopperLead> GetAsync(long id, CancellationToken cancellationToken) =>
            Read(await _client.GetAsync(id, cancellationToken).ConfigureAwait(false), LeadOutcome.Retrieved);

        /// <summary>Every lead the search filter finds, page by page; <paramref name="onLead"/> returns false to stop.</summary>
        public Task<long> SearchAsync(JObject filter, Func<CopperLead, bool> onLead, CancellationToken cancellationToken) =>
            _client.SearchAsync(filter, json => onLead(Read(json, LeadOutcome.Retrieved)), cancellationToken);

        private CopperLead Read(JObject json, LeadOutcome outcome)
        {
            var lead = LeadReader.Copper(json, outcome);
            lead.Connection = Connection.Name;
            return lead;
        }

        private async Task<CopperSchema> FetchSchemaAsync(CancellationToken cancellationToken) =>
            CopperSchema.Parse(await _client.GetCustomFieldDefinitionsJsonAsync(cancellationToken).ConfigureAwait(false));
    }
}
