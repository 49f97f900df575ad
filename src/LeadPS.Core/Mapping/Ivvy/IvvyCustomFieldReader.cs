using System.Collections.Generic;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace LeadPS.Mapping
{
    /// <summary>
    /// Fills <c>customFields</c> (a list of {fieldId, fieldValue}) from iVvy's own list, from a
    /// hashtable of fieldId = value, or from dotted columns such as <c>customFields.12</c>.
    /// </summary>
    internal sealed class IvvyCustomFieldReader
    {
        internal const string Name = "customFields";
        private const string Expectation = "a list of {fieldId, fieldValue} objects, or an object of fieldId = value";

        // Looks like a number: then it must be a valid id, not silently sent as the text "4.5".
        private static readonly Regex NumberLike = new Regex(@"^[+-]?[0-9]+([.,][0-9]*)?$", RegexOptions.CultureInvariant);

        private readonly LeadValueConverter _converter;

        internal IvvyCustomFieldReader(LeadValueConverter converter)
        {
            _converter = converter;
        }

        internal void ReadWhole(IvvyLeadReading reading, SlotTracker slots, string givenKey, object? value)
        {
            var field = new FieldRef(Name, givenKey);
            slots.Claim(Name, givenKey, field);
            if (ValueShape.IsBlank(value))
            {
                return;
            }

            if (ValueShape.TryGetRecord(value, out var byId))
            {
                foreach (var pair in byId)
                {
                    Add(reading, slots, pair.Key, pair.Value, givenKey + "." + pair.Key);
                }

                return;
            }

            if (!ValueShape.TryGetList(value, out var items))
            {
                throw _converter.NotA(field, Expectation, value);
            }

            foreach (var item in items)
            {
                if (item == null || ValueShape.IsBlank(item))
                {
                    continue;
                }

                if (!ValueShape.TryGetRecord(item, out var entry))
                {
                    throw _converter.NotA(field, Expectation, item);
                }

                ReadEntry(reading, slots, entry, field, givenKey);
            }
        }

        /// <summary>One custom field: its id (a positive whole number, or iVvy's text id) and its value, passed as given.</summary>
        internal void Add(IvvyLeadReading reading, SlotTracker slots, object? fieldIdValue, object? value, string givenKey)
        {
            var fieldId = FieldId(fieldIdValue, new FieldRef(Name + ".fieldId", givenKey));
            var field = new FieldRef(Name + "." + fieldId, givenKey);
            slots.Claim(Name + ":" + fieldId, givenKey, field);
            if (ValueShape.IsBlank(value))
            {
                return;
            }

            if (!(reading.Fields[Name] is JArray list))
            {
                list = new JArray();
                reading.Fields[Name] = list;
            }

            list.Add(new JObject { ["fieldId"] = fieldId, ["fieldValue"] = PlainJson.From(value, field, _converter) });
        }

        private void ReadEntry(IvvyLeadReading reading, SlotTracker slots, List<KeyValuePair<string, object?>> entry, FieldRef field, string givenKey)
        {
            var (fieldId, value) = IdValueEntry.Read(_converter, entry, field, "customFields", "fieldId", "fieldValue", key => reading.Unknown.Add(Name + "." + key));
            Add(reading, slots, fieldId, value, givenKey);
        }

        private JToken FieldId(object? value, FieldRef field)
        {
            if (value == null || ValueShape.IsBlank(value))
            {
                throw _converter.Invalid(field, "A custom field needs a 'fieldId'.");
            }

            if (value is string text && !NumberLike.IsMatch(text.Trim()))
            {
                return new JValue(_converter.ToText(text, field).Trim());
            }

            return new JValue(_converter.ToPositiveId(value, field));
        }
    }
}
