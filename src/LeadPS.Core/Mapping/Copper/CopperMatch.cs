using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeadPS.Mapping
{
    /// <summary>
    /// The <c>match</c> object of Copper's <c>PUT /leads/upsert</c>:
    /// <c>{"field_name":"email","field_value":"a@b.test"}</c>, or for a custom field
    /// <c>{"field_name":"custom","field_value":{"custom_field_definition_id":N,"value":V}}</c>.
    /// </summary>
    public sealed class CopperMatch
    {
        private readonly JObject _match;

        internal CopperMatch(string fieldName, string displayName, long? customFieldDefinitionId, object? value, JObject match)
        {
            FieldName = fieldName;
            DisplayName = displayName;
            CustomFieldDefinitionId = customFieldDefinitionId;
            Value = value;
            _match = match;
            Json = match.ToString(Formatting.None);
        }

        /// <summary>Copper's <c>field_name</c>: <c>email</c>, <c>name</c> or <c>custom</c>.</summary>
        public string FieldName { get; }

        /// <summary>The field as users know it: <c>email</c>, <c>name</c>, or the custom field's name.</summary>
        public string DisplayName { get; }

        public long? CustomFieldDefinitionId { get; }

        /// <summary>The converted value matched on (an address, a name, an option id, unix seconds, ...).</summary>
        public object? Value { get; }

        /// <summary>The match object, compact JSON.</summary>
        public string Json { get; }

        internal JObject ToJObject() => (JObject)_match.DeepClone();

        public override string ToString() => DisplayName + " = " + Json;
    }
}
