using Newtonsoft.Json.Linq;

namespace LeadPS.Mapping
{
    /// <summary>One converted custom field value, ready for <c>custom_fields</c>.</summary>
    internal sealed class CopperCustomFieldValue
    {
        internal CopperCustomFieldValue(long definitionId, FieldRef field, JToken value)
        {
            DefinitionId = definitionId;
            Field = field;
            Value = value;
        }

        internal long DefinitionId { get; }

        internal FieldRef Field { get; }

        internal JToken Value { get; }

        internal JObject ToJson() => new JObject { ["custom_field_definition_id"] = DefinitionId, ["value"] = Value.DeepClone() };
    }
}
