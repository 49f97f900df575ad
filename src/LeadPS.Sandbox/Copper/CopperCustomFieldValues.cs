using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// Checks and compares custom field values by their definition's data type: text is a string,
    /// Dropdown one of its option ids, MultiSelect an array of option ids, Date unix seconds (an
    /// integer), Float any number. Shared by lead writes, upsert matches and search filters.
    /// </summary>
    internal static class CopperCustomFieldValues
    {
        /// <summary>The normalized value, JSON null for null, or <c>null</c> after recording an error.</summary>
        public static JToken? Normalize(CopperCustomFieldDefinition definition, JToken? value, string field, CopperValidationErrors errors)
        {
            if (CopperJson.IsNull(value))
            {
                return JValue.CreateNull();
            }

            switch (definition.DataType)
            {
                case CopperDataTypes.String:
                case CopperDataTypes.Text:
                    if (value!.Type == JTokenType.String)
                    {
                        return value.DeepClone();
                    }

                    errors.Add(field, "must be a string for " + definition.DataType + " field " + definition.Id + ", got " + CopperJson.Describe(value));
                    return null;

                case CopperDataTypes.Dropdown:
                    if (CopperJson.TryGetInt64(value, out var optionId) && definition.HasOption(optionId))
                    {
                        return new JValue(optionId);
                    }

                    errors.Add(field, "must be one of the option ids of Dropdown field " + definition.Id + " (" + OptionIds(definition) + ")");
                    return null;

                case CopperDataTypes.MultiSelect:
                    return NormalizeMultiSelect(definition, value!, field, errors);

                case CopperDataTypes.Date:
                    if (CopperJson.TryGetInt64(value, out var seconds))
                    {
                        return new JValue(seconds);
                    }

                    errors.Add(field, "must be a date in unix seconds (an integer) for Date field " + definition.Id + ", got " + CopperJson.Describe(value));
                    return null;

                case CopperDataTypes.Float:
                    if (CopperJson.TryGetNumber(value, out _))
                    {
                        return value!.DeepClone();
                    }

                    errors.Add(field, "must be a number for Float field " + definition.Id + ", got " + CopperJson.Describe(value));
                    return null;

                default:
                    errors.Add(field, "data type " + definition.DataType + " is not supported by the Sandbox");
                    return null;
            }
        }

        /// <summary>Whether a stored value equals a match value; text compares case-insensitively.</summary>
        public static bool AreEqual(CopperCustomFieldDefinition definition, JToken? stored, JToken expected)
        {
            if (CopperJson.IsNull(stored))
            {
                return CopperJson.IsNull(expected);
            }

            switch (definition.DataType)
            {
                case CopperDataTypes.String:
                case CopperDataTypes.Text:
                    return string.Equals(CopperJson.AsString(stored), CopperJson.AsString(expected), StringComparison.OrdinalIgnoreCase);
                case CopperDataTypes.MultiSelect:
                    return OptionSet(stored).SetEquals(OptionSet(expected));
                default:
                    return CopperJson.TryGetNumber(stored, out var left) && CopperJson.TryGetNumber(expected, out var right) && left.Equals(right);
            }
        }

        public static HashSet<long> OptionSet(JToken? value) =>
            new HashSet<long>((value as JArray)?.Select(item => (long)item) ?? Enumerable.Empty<long>());

        private static JToken? NormalizeMultiSelect(CopperCustomFieldDefinition definition, JToken value, string field, CopperValidationErrors errors)
        {
            if (!(value is JArray items))
            {
                errors.Add(field, "must be an array of option ids for MultiSelect field " + definition.Id + ", got " + CopperJson.Describe(value));
                return null;
            }

            var normalized = new JArray();
            var seen = new HashSet<long>();
            foreach (var item in items)
            {
                if (!CopperJson.TryGetInt64(item, out var optionId) || !definition.HasOption(optionId))
                {
                    errors.Add(field, "must contain only option ids of MultiSelect field " + definition.Id + " (" + OptionIds(definition) + ")");
                    return null;
                }

                if (seen.Add(optionId))
                {
                    normalized.Add(optionId);
                }
            }

            return normalized;
        }

        private static string OptionIds(CopperCustomFieldDefinition definition) =>
            string.Join(", ", definition.Options.Select(option => option.Id));
    }
}
