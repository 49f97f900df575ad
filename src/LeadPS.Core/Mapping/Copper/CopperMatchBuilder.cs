using System;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LeadPS.Mapping
{
    /// <summary>
    /// Resolves an upsert's match field (email, name, or a custom field by name or id) and builds
    /// Copper's match object, enforcing what the seed says a custom match field needs: available on
    /// leads and filterable.
    /// </summary>
    internal sealed class CopperMatchBuilder
    {
        private readonly CopperSchema? _schema;
        private readonly LeadValueConverter _converter;
        private readonly CopperCustomFieldConverter _custom;
        private readonly CopperContactInfoConverter _contact;

        internal CopperMatchBuilder(CopperSchema? schema, LeadValueConverter converter)
        {
            _schema = schema;
            _converter = converter;
            _custom = new CopperCustomFieldConverter(converter);
            _contact = new CopperContactInfoConverter(converter);
        }

        internal static bool IsBuiltIn(string matchField)
        {
            var key = PropertyKey.Normalize(matchField);
            return key == "email" || key == "name";
        }

        internal CopperMatch Build(string matchField, object? value)
        {
            var key = Normalize(matchField);
            if (key == "email" || key == "name")
            {
                var field = new FieldRef(key, matchField);
                if (value == null || ValueShape.IsBlank(value))
                {
                    throw NoValue(field);
                }

                var text = key == "email"
                    ? (string)_contact.Email(value, field, new PropertyNameList())["email"]!
                    : _converter.ToText(value, field);
                return new CopperMatch(key, key, null, text, new JObject { ["field_name"] = key, ["field_value"] = text });
            }

            var definition = ResolveCustom(matchField);
            var customField = new FieldRef(definition.Name, matchField);
            if (value == null || ValueShape.IsBlank(value))
            {
                throw NoValue(customField);
            }

            var converted = _custom.Convert(definition, value, customField);
            var match = new JObject
            {
                ["field_name"] = "custom",
                ["field_value"] = new JObject { ["custom_field_definition_id"] = definition.Id, ["value"] = converted },
            };
            return new CopperMatch("custom", definition.Name, definition.Id, JsonPlainValue.From(converted), match);
        }

        /// <summary>The input's own value for the match field, so -MatchValue can default to it.</summary>
        internal object OwnValue(CopperLeadReading reading, string matchField)
        {
            var key = Normalize(matchField);
            JToken? token;
            FieldRef field;
            if (key == "email" || key == "name")
            {
                field = new FieldRef(key, matchField);
                token = key == "email" ? (reading.Properties["email"] as JObject)?["email"] : reading.Properties["name"];
            }
            else
            {
                var definition = ResolveCustom(matchField);
                field = new FieldRef(definition.Name, matchField);
                token = reading.CustomFields.FirstOrDefault(c => c.DefinitionId == definition.Id)?.Value;
            }

            return JsonPlainValue.From(token) ?? throw _converter.Invalid(
                field,
                "The lead has no value for the match field " + field.Label + "; give the field in the input or a -MatchValue.");
        }

        internal CopperCustomFieldDefinition ResolveCustom(string matchField)
        {
            var field = new FieldRef(matchField.Trim());
            if (_schema == null)
            {
                throw _converter.Invalid(field, "Matching on the custom field " + field.Label + " needs Copper's custom field definitions, which were not loaded.");
            }

            var definition = _schema.Find(matchField) ?? throw _converter.Invalid(
                field,
                "Copper has no custom field " + field.Label + " to match on; the lead fields that can be matched on are: " + MatchableNames() + ".");
            field = new FieldRef(definition.Name, matchField);
            _custom.EnsureOnLeads(definition, field);
            if (!definition.IsFilterable)
            {
                throw _converter.Invalid(field, "The custom field " + field.Label + " cannot be matched on because it is not filterable; include it in filters in Copper's custom field settings.");
            }

            return definition;
        }

        private static string Normalize(string matchField)
        {
            if (string.IsNullOrWhiteSpace(matchField))
            {
                throw new ArgumentException("A match field is required: email, name, or a custom field's name or id.", nameof(matchField));
            }

            return PropertyKey.Normalize(matchField);
        }

        private string MatchableNames() =>
            "'" + string.Join("', '", new[] { "email", "name" }.Concat(
                _schema!.Definitions.Where(d => d.IsAvailableOnLeads && d.IsFilterable).Select(d => d.Name))) + "'";

        private LeadValidationException NoValue(FieldRef field) =>
            _converter.Invalid(field, "The match field " + field.Label + " has no value to match on.");
    }
}
