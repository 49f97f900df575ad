using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// One entry of a search's <c>custom_fields</c>: <c>{custom_field_definition_id, value}</c> or,
    /// for Date and Float, <c>minimum_value</c>/<c>maximum_value</c> (inclusive); MultiSelect takes
    /// <c>option</c> ANY (default) or ALL; <c>allow_empty: true</c> also lets leads without a value through.
    /// </summary>
    internal static class CopperCustomFieldFilter
    {
        private static readonly string[] Keys =
            { "custom_field_definition_id", "value", "minimum_value", "maximum_value", "option", "allow_empty" };

        /// <summary>A predicate, or <c>null</c> after recording errors.</summary>
        public static Func<CopperLead, bool>? Parse(JToken entry, string field, CopperCatalogue catalogue, CopperValidationErrors errors)
        {
            if (!(entry is JObject filter))
            {
                errors.Add(field, "must be an object, got " + CopperJson.Describe(entry));
                return null;
            }

            foreach (var unknown in filter.Properties().Where(p => Array.IndexOf(Keys, p.Name) < 0))
            {
                errors.Add(field + "." + unknown.Name, "is not a custom field filter key");
            }

            var definition = CopperLeadValidator.FindLeadDefinition(field + ".custom_field_definition_id", filter["custom_field_definition_id"], catalogue, errors);
            if (definition == null)
            {
                return null;
            }

            if (!definition.IsFilterable)
            {
                errors.Add(field + ".custom_field_definition_id", "custom field definition " + definition.Id + " (" + definition.Name + ") is not filterable");
                return null;
            }

            var allowEmptyToken = filter["allow_empty"];
            if (!CopperJson.IsNull(allowEmptyToken) && allowEmptyToken!.Type != JTokenType.Boolean)
            {
                errors.Add(field + ".allow_empty", "must be true or false");
                return null;
            }

            var allowEmpty = !CopperJson.IsNull(allowEmptyToken) && (bool)allowEmptyToken!;
            var matchesValue = ParseValueTest(definition, filter, field, allowEmpty, errors);
            if (matchesValue == null)
            {
                return null;
            }

            var id = definition.Id;
            return lead =>
            {
                var stored = lead.CustomValue(id);
                return IsEmpty(stored) ? allowEmpty : matchesValue(stored!);
            };
        }

        private static Func<JToken, bool>? ParseValueTest(CopperCustomFieldDefinition definition, JObject filter, string field, bool allowEmpty, CopperValidationErrors errors)
        {
            var value = filter["value"];
            var minimum = filter["minimum_value"];
            var maximum = filter["maximum_value"];
            if (CopperJson.IsNull(value) && CopperJson.IsNull(minimum) && CopperJson.IsNull(maximum))
            {
                if (allowEmpty)
                {
                    return _ => false; // only leads without a value
                }

                errors.Add(field + ".value", "is required (or minimum_value / maximum_value for Date and Float fields)");
                return null;
            }

            switch (definition.DataType)
            {
                case CopperDataTypes.String:
                case CopperDataTypes.Text:
                    var text = CopperJson.AsString(value);
                    if (text == null)
                    {
                        errors.Add(field + ".value", "must be a string");
                        return null;
                    }

                    return stored => (CopperJson.AsString(stored) ?? string.Empty).IndexOf(text, StringComparison.OrdinalIgnoreCase) >= 0;

                case CopperDataTypes.Dropdown:
                    var wanted = OptionIds(definition, value, field + ".value", allowSingle: true, errors);
                    return wanted == null ? null : stored => wanted.Contains((long)stored);

                case CopperDataTypes.MultiSelect:
                    var options = OptionIds(definition, value, field + ".value", allowSingle: false, errors);
                    var mode = CopperJson.AsString(filter["option"]) ?? "ANY";
                    if (options == null || (mode != "ANY" && mode != "ALL"))
                    {
                        if (options != null)
                        {
                            errors.Add(field + ".option", "must be ANY or ALL");
                        }

                        return null;
                    }

                    return stored => mode == "ALL"
                        ? options.IsSubsetOf(CopperCustomFieldValues.OptionSet(stored))
                        : options.Overlaps(CopperCustomFieldValues.OptionSet(stored));

                default:
                    return ParseRange(definition, value, minimum, maximum, field, errors);
            }
        }

        private static Func<JToken, bool>? ParseRange(CopperCustomFieldDefinition definition, JToken? value, JToken? minimum, JToken? maximum, string field, CopperValidationErrors errors)
        {
            var valid = true;
            double? Bound(JToken? token, string key)
            {
                if (CopperJson.IsNull(token))
                {
                    return null;
                }

                var isNumber = CopperJson.TryGetNumber(token, out var number);
                var isWhole = CopperJson.TryGetInt64(token, out _);
                if (!isNumber || (definition.DataType == CopperDataTypes.Date && !isWhole))
                {
                    errors.Add(field + "." + key, definition.DataType == CopperDataTypes.Date ? "must be unix seconds (an integer)" : "must be a number");
                    valid = false;
                    return null;
                }

                return number;
            }

            var exact = Bound(value, "value");
            var low = exact ?? Bound(minimum, "minimum_value");
            var high = exact ?? Bound(maximum, "maximum_value");
            if (!valid)
            {
                return null;
            }

            return stored => CopperJson.TryGetNumber(stored, out var number)
                && (!low.HasValue || number >= low.Value)
                && (!high.HasValue || number <= high.Value);
        }

        private static HashSet<long>? OptionIds(CopperCustomFieldDefinition definition, JToken? value, string field, bool allowSingle, CopperValidationErrors errors)
        {
            var items = value is JArray array ? array.ToList() : allowSingle && value != null ? new List<JToken> { value } : null;
            var ids = new HashSet<long>();
            foreach (var item in items ?? new List<JToken>())
            {
                if (!CopperJson.TryGetInt64(item, out var id) || !definition.HasOption(id))
                {
                    items = null;
                    break;
                }

                ids.Add(id);
            }

            if (items == null)
            {
                errors.Add(field, (allowSingle ? "must be an option id or an array of option ids" : "must be an array of option ids")
                    + " of field " + definition.Id + " (" + string.Join(", ", definition.Options.Select(o => o.Id)) + ")");
                return null;
            }

            return ids;
        }

        private static bool IsEmpty(JToken? stored) =>
            CopperJson.IsNull(stored) || (stored is JArray array && array.Count == 0);
    }
}
