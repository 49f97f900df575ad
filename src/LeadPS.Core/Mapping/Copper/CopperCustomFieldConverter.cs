using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LeadPS.Mapping
{
    /// <summary>
    /// Converts a custom field value to what Copper stores for its data type: option ids for
    /// Dropdown/MultiSelect (from names or ids), unix seconds for Date, numbers, booleans, text.
    /// </summary>
    internal sealed class CopperCustomFieldConverter
    {
        private readonly LeadValueConverter _converter;

        internal CopperCustomFieldConverter(LeadValueConverter converter)
        {
            _converter = converter;
        }

        internal void EnsureOnLeads(CopperCustomFieldDefinition definition, FieldRef field)
        {
            if (!definition.IsAvailableOnLeads)
            {
                var on = definition.AvailableOn.Count == 0 ? "no record type" : string.Join(", ", definition.AvailableOn);
                throw _converter.Invalid(field, "The custom field " + field.Label + " is not available on leads (only on " + on + "); make it available on leads in Copper's settings.");
            }
        }

        internal JToken Convert(CopperCustomFieldDefinition definition, object? value, FieldRef field)
        {
            if (value == null)
            {
                return JValue.CreateNull();
            }

            switch (definition.DataType)
            {
                case CopperCustomFieldType.String:
                case CopperCustomFieldType.Text:
                case CopperCustomFieldType.Url:
                    return new JValue(_converter.ToText(value, field));
                case CopperCustomFieldType.Float:
                case CopperCustomFieldType.Percentage:
                case CopperCustomFieldType.Currency:
                    return JsonNumber.From(_converter.ToNumber(value, field));
                case CopperCustomFieldType.Checkbox:
                    return new JValue(_converter.ToBoolean(value, field));
                case CopperCustomFieldType.Date:
                    return new JValue(_converter.ToUnixSeconds(value, field));
                case CopperCustomFieldType.Dropdown:
                    return new JValue(OptionId(definition, value, field));
                case CopperCustomFieldType.MultiSelect:
                    return MultiSelect(definition, value, field);
                default:
                    return PlainJson.From(value, field, _converter);
            }
        }

        /// <summary>A list, or one string of names separated by ';' (names may contain commas).</summary>
        private JArray MultiSelect(CopperCustomFieldDefinition definition, object value, FieldRef field)
        {
            var items = ValueShape.TryGetList(value, out var list)
                ? list
                : value is string text ? text.Split(';').Cast<object?>().ToList() : new List<object?> { value };
            var ids = new JArray();
            foreach (var item in items)
            {
                if (item != null && !ValueShape.IsBlank(item))
                {
                    ids.Add(OptionId(definition, item, field));
                }
            }

            return ids;
        }

        /// <summary>An option by its name (ignoring case), or by its id.</summary>
        private long OptionId(CopperCustomFieldDefinition definition, object value, FieldRef field)
        {
            if (ValueShape.TryGetList(value, out _) || ValueShape.TryGetRecord(value, out _))
            {
                throw _converter.NotA(field, "one option (" + OptionNames(definition) + ")", value);
            }

            var text = _converter.ToText(value, field).Trim();
            var byName = definition.Options.FirstOrDefault(o => string.Equals(o.Name.Trim(), text, System.StringComparison.OrdinalIgnoreCase));
            if (byName != null)
            {
                return byName.Id;
            }

            if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                && (definition.Options.Count == 0 || definition.Options.Any(o => o.Id == id)))
            {
                return id;
            }

            throw _converter.Invalid(field, "The field " + field.Label + " has no option " + ValueShape.Describe(value) + "; valid options: " + OptionNames(definition) + ".");
        }

        private static string OptionNames(CopperCustomFieldDefinition definition) =>
            definition.Options.Count == 0
                ? "none are defined"
                : "'" + string.Join("', '", definition.Options.Select(o => o.Name)) + "'";
    }
}
