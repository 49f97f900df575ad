using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeadPS.Mapping
{
    /// <summary>Reads Copper's custom field definitions JSON, tolerant of fields it does not need.</summary>
    internal static class CopperSchemaJson
    {
        internal static List<CopperCustomFieldDefinition> ReadDefinitions(string json)
        {
            JArray array;
            try
            {
                array = JArray.Parse(json ?? string.Empty);
            }
            catch (JsonException e)
            {
                throw Malformed("it is not a JSON array (" + e.Message + ")");
            }

            var definitions = new List<CopperCustomFieldDefinition>();
            foreach (var item in array)
            {
                if (!(item is JObject entry) || !TryGetLong(entry["id"], out var id))
                {
                    throw Malformed("an entry has no numeric 'id'");
                }

                var dataTypeName = entry["data_type"]?.Type == JTokenType.String ? (string)entry["data_type"]! : string.Empty;
                definitions.Add(new CopperCustomFieldDefinition(
                    id,
                    entry["name"]?.Type == JTokenType.String ? (string)entry["name"]! : string.Empty,
                    ParseDataType(dataTypeName),
                    Strings(entry["available_on"]),
                    entry["is_filterable"]?.Type == JTokenType.Boolean && (bool)entry["is_filterable"]!,
                    Options(entry["options"]),
                    dataTypeName));
            }

            return definitions;
        }

        internal static CopperCustomFieldType ParseDataType(string name)
        {
            var normalized = PropertyKey.Normalize(name);
            foreach (CopperCustomFieldType type in Enum.GetValues(typeof(CopperCustomFieldType)))
            {
                if (type != CopperCustomFieldType.Other && PropertyKey.Normalize(type.ToString()) == normalized)
                {
                    return type;
                }
            }

            return CopperCustomFieldType.Other;
        }

        private static IEnumerable<string> Strings(JToken? token) =>
            token is JArray array
                ? array.Where(t => t.Type == JTokenType.String).Select(t => (string)t!).ToArray()
                : Array.Empty<string>();

        private static IEnumerable<CopperCustomFieldOption> Options(JToken? token)
        {
            var options = new List<CopperCustomFieldOption>();
            if (token is JArray array)
            {
                foreach (var option in array.OfType<JObject>())
                {
                    if (TryGetLong(option["id"], out var id))
                    {
                        options.Add(new CopperCustomFieldOption(id, option["name"]?.Type == JTokenType.String ? (string)option["name"]! : string.Empty));
                    }
                }
            }

            return options;
        }

        private static bool TryGetLong(JToken? token, out long value)
        {
            value = 0;
            if (token?.Type == JTokenType.Integer)
            {
                value = (long)token;
                return true;
            }

            return token?.Type == JTokenType.String && long.TryParse((string)token!, out value);
        }

        private static LeadApiException Malformed(string why) =>
            new LeadApiException(
                "Copper's custom field definitions could not be read: " + why + ".",
                LeadErrorKind.InvalidResponse,
                LeadPlatform.Copper);
    }
}
