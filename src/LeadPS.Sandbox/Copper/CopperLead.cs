using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// A stored lead. Only the emulator's lock holder touches it. The fields that matching,
    /// searching and indexing read are typed; the rest are kept as validated JSON in a dictionary
    /// created only when needed, because a JObject per lead costs about 2 KB and benchmarks keep
    /// 100,000+ leads. An absent field is rendered as null (or an empty array).
    /// </summary>
    internal sealed class CopperLead
    {
        private Dictionary<string, JToken>? _otherFields;
        private Dictionary<long, JToken>? _customValues;

        public CopperLead(long id, long createdAt, long statusId)
        {
            Id = id;
            DateCreated = createdAt;
            DateModified = createdAt;
            StatusId = statusId;
        }

        public long Id { get; }

        public long DateCreated { get; }

        public long DateModified { get; set; }

        public string Name { get; private set; } = string.Empty;

        public long StatusId { get; private set; }

        public string? EmailAddress { get; private set; }

        public string? EmailCategory { get; private set; }

        public long? AssigneeId { get; private set; }

        public long? CustomerSourceId { get; private set; }

        public IReadOnlyList<string> Tags { get; private set; } = Array.Empty<string>();

        /// <summary>Always 0: the Sandbox logs no activities, so no lead has had an interaction.</summary>
        public int InteractionCount => 0;

        /// <summary>Always null, for the same reason (unix seconds of the last interaction on Copper).</summary>
        public long? DateLastContacted => null;

        /// <summary>A text field of the lead (<c>title</c>, <c>company_name</c>, ...) or of its address (<c>address.city</c>).</summary>
        public string? Text(string path)
        {
            var dot = path.IndexOf('.');
            var value = dot < 0 ? Field(path) : Field(path.Substring(0, dot))?[path.Substring(dot + 1)];
            return value == null || value.Type == JTokenType.Null ? null : (string?)value;
        }

        /// <summary>A numeric field such as <c>monetary_value</c>, or null when unset.</summary>
        public double? Number(string name)
        {
            var value = Field(name);
            return value == null || value.Type == JTokenType.Null ? (double?)null : (double)value;
        }

        public IEnumerable<string> PhoneNumbers =>
            (Field("phone_numbers") as JArray)?.Select(phone => (string?)phone["number"] ?? string.Empty) ?? Enumerable.Empty<string>();

        /// <summary>A field kept as JSON (address, title, phone_numbers, ...), or <c>null</c> when unset.</summary>
        public JToken? Field(string name) =>
            _otherFields != null && _otherFields.TryGetValue(name, out var value) ? value : null;

        public JToken? CustomValue(long definitionId) =>
            _customValues != null && _customValues.TryGetValue(definitionId, out var value) ? value : null;

        /// <summary>Writes validated changes; a JSON null clears the field.</summary>
        public void Apply(CopperLeadChanges changes)
        {
            foreach (var change in changes.Fields)
            {
                var value = change.Value;
                var isNull = value.Type == JTokenType.Null;
                switch (change.Key)
                {
                    case "name":
                        Name = (string)value!;
                        break;
                    case "status_id":
                        StatusId = (long)value;
                        break;
                    case "email":
                        EmailAddress = isNull ? null : (string?)value["email"];
                        EmailCategory = isNull ? null : (string?)value["category"];
                        break;
                    case "assignee_id":
                        AssigneeId = (long?)value;
                        break;
                    case "customer_source_id":
                        CustomerSourceId = (long?)value;
                        break;
                    case "tags":
                        Tags = value.Select(tag => (string)tag!).ToArray();
                        break;
                    default:
                        _otherFields = Write(_otherFields, change.Key, value);
                        break;
                }
            }

            foreach (var change in changes.CustomFields)
            {
                _customValues = Write(_customValues, change.Key, change.Value);
            }
        }

        private static Dictionary<TKey, JToken>? Write<TKey>(Dictionary<TKey, JToken>? fields, TKey key, JToken value)
        {
            if (value.Type == JTokenType.Null)
            {
                fields?.Remove(key);
                return fields;
            }

            fields ??= new Dictionary<TKey, JToken>();
            fields[key] = value.DeepClone();
            return fields;
        }
    }
}
