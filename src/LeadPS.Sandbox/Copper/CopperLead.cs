using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// A stored lead. Only the emulator's lock holder touches it. Writable fields live in
    /// <see cref="Fields"/> under their API names, already validated and normalized; an absent
    /// field is rendered as null (or an empty array), so "null clears" is just a removal.
    /// </summary>
    internal sealed class CopperLead
    {
        public CopperLead(long id, long createdAt)
        {
            Id = id;
            DateCreated = createdAt;
            DateModified = createdAt;
        }

        public long Id { get; }

        public long DateCreated { get; }

        public long DateModified { get; set; }

        public JObject Fields { get; } = new JObject();

        /// <summary>Set custom field values by definition id; unset ones are absent.</summary>
        public Dictionary<long, JToken> CustomValues { get; } = new Dictionary<long, JToken>();

        public string Name => (string?)Fields["name"] ?? string.Empty;

        public long StatusId => (long?)Fields["status_id"] ?? 0;

        public string? EmailAddress => CopperJson.AsString(Fields["email"]?["email"]);

        public long? AssigneeId => (long?)Fields["assignee_id"];

        public long? CustomerSourceId => (long?)Fields["customer_source_id"];

        public IEnumerable<string> Tags =>
            (Fields["tags"] as JArray)?.Select(tag => (string?)tag ?? string.Empty) ?? Enumerable.Empty<string>();

        public IEnumerable<string> PhoneNumbers =>
            (Fields["phone_numbers"] as JArray)?.Select(phone => (string?)phone["number"] ?? string.Empty) ?? Enumerable.Empty<string>();

        public JToken? CustomValue(long definitionId) =>
            CustomValues.TryGetValue(definitionId, out var value) ? value : null;
    }
}
