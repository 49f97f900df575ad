using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace LeadPS.Mapping
{
    /// <summary>
    /// Copper custom fields from every place a user may put them: a top-level property named like a
    /// definition (a CSV column "Lead Score") or by its id, Copper's own <c>custom_fields</c> list, or
    /// <c>custom_fields</c> as an object of name-or-id = value. With a schema, ids must exist and values
    /// are converted by data type; without one, ids and values are sent as given.
    /// </summary>
    internal sealed class CopperCustomFieldReader
    {
        internal const string Expectation = "a list of {custom_field_definition_id, value} objects, or an object of custom field name or id = value";

        private readonly CopperSchema? _schema;
        private readonly LeadValueConverter _converter;
        private readonly CopperCustomFieldConverter _custom;

        internal CopperCustomFieldReader(CopperSchema? schema, LeadValueConverter converter)
        {
            _schema = schema;
            _converter = converter;
            _custom = new CopperCustomFieldConverter(converter);
        }

        /// <summary>A CSV cell such as ";" holds no item: like a blank cell it is omitted rather than sent as [] (which clears the list).</summary>
        internal static bool IsBlankList(JToken converted, object? value) =>
            value is string && converted is JArray array && array.Count == 0;

        /// <summary>A top-level property named like a definition, or by a definition id; false when it is neither.</summary>
        internal bool TryReadByKey(CopperLeadReading reading, SlotTracker slots, string key, object? value)
        {
            var definition = _schema?.FindByName(key);
            long id;
            if (definition != null)
            {
                id = definition.Id;
            }
            else if (PropertyKey.IsDigits(key) && long.TryParse(key.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out id))
            {
                definition = FindById(id, key);
            }
            else
            {
                return false;
            }

            AddCustomValue(reading, slots, definition, id, key, value);
            return true;
        }

        /// <summary><c>custom_fields</c> as Copper's own list of {custom_field_definition_id, value}, or as an object of name-or-id = value.</summary>
        internal void ReadWhole(CopperLeadReading reading, SlotTracker slots, object value, FieldRef field)
        {
            if (ValueShape.TryGetRecord(value, out var byName))
            {
                foreach (var pair in byName)
                {
                    var definition = ResolveNamedCustomField(pair.Key, out var id);
                    AddCustomValue(reading, slots, definition, id, field.Name + "." + pair.Key, pair.Value);
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

                ReadCustomFieldEntry(reading, slots, entry, field);
            }
        }

        private void ReadCustomFieldEntry(CopperLeadReading reading, SlotTracker slots, List<KeyValuePair<string, object?>> entry, FieldRef field)
        {
            var (idValue, value) = IdValueEntry.Read(_converter, entry, field, "custom_fields", "custom_field_definition_id", "value", key => reading.Unknown.Add(field.Name + "." + key));
            var id = _converter.ToPositiveId(idValue, field.Child("custom_field_definition_id"));
            AddCustomValue(reading, slots, FindById(id, id.ToString(CultureInfo.InvariantCulture)), id, field.Name, value);
        }

        private CopperCustomFieldDefinition? ResolveNamedCustomField(string key, out long id)
        {
            if (_schema == null)
            {
                if (PropertyKey.IsDigits(key) && long.TryParse(key.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out id))
                {
                    return null;
                }

                throw _converter.Invalid(new FieldRef(key), "The custom field '" + key + "' is given by name, but Copper's custom field definitions were not loaded to resolve it.");
            }

            var definition = _schema.Find(key)
                ?? throw _converter.Invalid(new FieldRef(key), "Copper has no custom field named '" + key + "'.");
            id = definition.Id;
            return definition;
        }

        /// <summary>With a schema the id must exist; without one it is sent as given.</summary>
        private CopperCustomFieldDefinition? FindById(long id, string key)
        {
            if (_schema == null)
            {
                return null;
            }

            var field = new FieldRef(id.ToString(CultureInfo.InvariantCulture), key);
            return _schema.FindById(id)
                ?? throw _converter.Invalid(field, "The custom field " + field.Label + " does not exist: Copper has no custom field definition with that id.");
        }

        private void AddCustomValue(CopperLeadReading reading, SlotTracker slots, CopperCustomFieldDefinition? definition, long id, string givenKey, object? value)
        {
            var field = new FieldRef(definition?.Name ?? id.ToString(CultureInfo.InvariantCulture), givenKey);
            if (definition != null)
            {
                _custom.EnsureOnLeads(definition, field);
            }

            slots.Claim("custom:" + id.ToString(CultureInfo.InvariantCulture), givenKey, field);
            if (ValueShape.IsBlank(value))
            {
                return;
            }

            var token = definition != null ? _custom.Convert(definition, value, field) : PlainJson.From(value, field, _converter);
            if (!IsBlankList(token, value))
            {
                reading.CustomFields.Add(new CopperCustomFieldValue(id, field, token));
            }
        }
    }
}
