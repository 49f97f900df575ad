using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// The <c>match</c> part of an upsert: by name or e-mail (case-insensitive, exact after trimming)
    /// or by a custom field that must exist, be available on leads and be filterable.
    /// </summary>
    internal sealed class CopperUpsertMatch
    {
        private const string Field = "match";

        private CopperUpsertMatch(string fieldName, string? text, CopperCustomFieldDefinition? definition, JToken? customValue)
        {
            FieldName = fieldName;
            Text = text;
            Definition = definition;
            CustomValue = customValue;
        }

        public string FieldName { get; }

        public string? Text { get; }

        public CopperCustomFieldDefinition? Definition { get; }

        public JToken? CustomValue { get; }

        public static CopperUpsertMatch Parse(JToken? match, CopperCatalogue catalogue)
        {
            if (!(match is JObject criteria))
            {
                throw CopperApiException.Invalid(Field, CopperJson.IsNull(match) ? "is required" : "must be an object {\"field_name\", \"field_value\"}");
            }

            var fieldName = CopperJson.AsString(criteria["field_name"]);
            var value = criteria["field_value"];
            switch (fieldName)
            {
                case "name":
                case "email":
                    var text = CopperJson.AsString(value)?.Trim();
                    if (string.IsNullOrEmpty(text))
                    {
                        throw CopperApiException.Invalid(Field + ".field_value", "must be a non-empty string when matching on " + fieldName);
                    }

                    return new CopperUpsertMatch(fieldName!, text, null, null);
                case "custom":
                    return ParseCustom(value, catalogue);
                default:
                    throw CopperApiException.Invalid(Field + ".field_name", "must be one of name, email, custom");
            }
        }

        /// <summary>Ids of the matching leads, ascending.</summary>
        public IReadOnlyList<long> FindMatches(CopperLeadStore store)
        {
            IEnumerable<long> ids = FieldName switch
            {
                "name" => store.IdsWithName(Text!),
                "email" => store.IdsWithEmail(Text!),
                _ => store.All
                    .Where(lead => CopperCustomFieldValues.AreEqual(Definition!, lead.CustomValue(Definition!.Id), CustomValue!))
                    .Select(lead => lead.Id),
            };
            return ids.OrderBy(id => id).ToArray();
        }

        private static CopperUpsertMatch ParseCustom(JToken? value, CopperCatalogue catalogue)
        {
            const string ValueField = Field + ".field_value";
            if (!(value is JObject customValue))
            {
                throw CopperApiException.Invalid(ValueField, "must be an object {\"custom_field_definition_id\", \"value\"} when matching on custom");
            }

            var errors = new CopperValidationErrors();
            var definition = CopperLeadValidator.FindLeadDefinition(ValueField + ".custom_field_definition_id", customValue["custom_field_definition_id"], catalogue, errors);
            errors.ThrowIfAny();
            if (!definition!.IsFilterable)
            {
                throw CopperApiException.Invalid(
                    ValueField + ".custom_field_definition_id",
                    "custom field definition " + definition.Id + " (" + definition.Name + ") is not filterable, so leads cannot be matched on it");
            }

            if (CopperJson.IsNull(customValue["value"]))
            {
                throw CopperApiException.Invalid(ValueField + ".value", "can't be blank");
            }

            var normalized = CopperCustomFieldValues.Normalize(definition, customValue["value"], ValueField + ".value", errors);
            errors.ThrowIfAny();
            return new CopperUpsertMatch("custom", null, definition, normalized);
        }
    }
}
