using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LeadPS.Mapping
{
    /// <summary>
    /// Reads each input property into Copper's lead fields: known fields and aliases are converted,
    /// custom fields are found by name or id, response-only and unknown ones are listed, not sent.
    /// </summary>
    internal sealed class CopperLeadReader
    {
        private const string CustomFieldsExpectation = "a list of {custom_field_definition_id, value} objects, or an object of custom field name or id = value";

        private readonly CopperSchema? _schema;
        private readonly LeadValueConverter _converter;
        private readonly CopperContactInfoConverter _contact;
        private readonly CopperCustomFieldConverter _custom;

        internal CopperLeadReader(CopperSchema? schema, LeadValueConverter converter)
        {
            _schema = schema;
            _converter = converter;
            _contact = new CopperContactInfoConverter(converter);
            _custom = new CopperCustomFieldConverter(converter);
        }

        internal CopperLeadReading Read(IReadOnlyList<KeyValuePair<string, object?>> properties)
        {
            var reading = new CopperLeadReading();
            var slots = new SlotTracker(_converter);
            foreach (var pair in properties)
            {
                if (CopperFieldCatalog.TryGet(pair.Key, out var field))
                {
                    ReadField(reading, slots, field, pair.Key, pair.Value);
                }
                else if (!TryReadCustomFieldByKey(reading, slots, pair.Key, pair.Value)
                    && !(string.IsNullOrWhiteSpace(pair.Key) && (pair.Value == null || ValueShape.IsBlank(pair.Value))))
                {
                    // Claimed too, so "Notes" and "notes" are refused like any other repeated field.
                    slots.Claim("unsent:" + pair.Key.Trim(), pair.Key, new FieldRef(pair.Key));
                    (CopperFieldCatalog.IsReadOnly(pair.Key) ? reading.ReadOnly : reading.Unknown).Add(pair.Key);
                }
            }

            return reading;
        }

        private void ReadField(CopperLeadReading reading, SlotTracker slots, CopperField field, string key, object? value)
        {
            var fieldRef = new FieldRef(field.Name, key);
            if (field.Kind == CopperFieldKind.AddressPart)
            {
                ReadAddressPart(reading, slots, field.AddressPart!, key, value);
                return;
            }

            if (field.Kind == CopperFieldKind.Address && CopperFieldCatalog.AddressParts.Any(p => slots.IsClaimed("address." + p)))
            {
                throw WholeAndParts();
            }

            slots.Claim(field.Name, key, fieldRef);
            if (ValueShape.IsBlank(value))
            {
                return;
            }

            if (value == null)
            {
                // Explicit $null clears the field on update; it cannot name a lead or a custom field list.
                if (field.Kind == CopperFieldKind.CustomFields)
                {
                    throw _converter.NotA(fieldRef, CustomFieldsExpectation, value);
                }

                if (field.Kind != CopperFieldKind.LeadId)
                {
                    reading.Properties[field.Name] = JValue.CreateNull();
                }

                return;
            }

            switch (field.Kind)
            {
                case CopperFieldKind.LeadId:
                    reading.Id = _converter.ToPositiveId(value, fieldRef);
                    return;
                case CopperFieldKind.CustomFields:
                    ReadCustomFieldsProperty(reading, slots, value, fieldRef);
                    return;
            }

            var converted = Convert(field.Kind, value, fieldRef, reading.Unknown);
            if (IsBlankList(converted, value))
            {
                return;
            }

            reading.Properties[field.Name] = converted;
            if (field.Name == "name")
            {
                reading.Name = (string?)reading.Properties["name"];
            }
        }

        private JToken Convert(CopperFieldKind kind, object value, FieldRef field, PropertyNameList unknown)
        {
            switch (kind)
            {
                case CopperFieldKind.Id:
                    return new JValue(_converter.ToPositiveId(value, field));
                case CopperFieldKind.Number:
                    return JsonNumber.From(_converter.ToNumber(value, field));
                case CopperFieldKind.Email:
                    return _contact.Email(value, field, unknown);
                case CopperFieldKind.PhoneNumbers:
                    return _contact.PhoneNumbers(value, field, unknown);
                case CopperFieldKind.Websites:
                    return _contact.Websites(value, field, unknown);
                case CopperFieldKind.Socials:
                    return _contact.Socials(value, field, unknown);
                case CopperFieldKind.Address:
                    return _contact.Address(value, field, unknown);
                case CopperFieldKind.Tags:
                    return _contact.Tags(value, field);
                default:
                    return new JValue(_converter.ToText(value, field));
            }
        }

        /// <summary>Flat street/city/... columns build one <c>address</c> object, placed where the first appeared.</summary>
        private void ReadAddressPart(CopperLeadReading reading, SlotTracker slots, string part, string key, object? value)
        {
            var partRef = new FieldRef("address." + part, key);
            if (slots.IsClaimed("address"))
            {
                throw WholeAndParts();
            }

            slots.Claim("address." + part, key, partRef);
            if (ValueShape.IsBlank(value))
            {
                return;
            }

            if (!(reading.Properties["address"] is JObject address))
            {
                address = new JObject();
                reading.Properties["address"] = address;
            }

            address[part] = _contact.AddressPart(value, partRef);
        }

        /// <summary>A CSV cell such as ";" holds no item: like a blank cell it is omitted rather than sent as [] (which clears the list).</summary>
        private static bool IsBlankList(JToken converted, object? value) =>
            value is string && converted is JArray array && array.Count == 0;

        private LeadValidationException WholeAndParts() =>
            _converter.Invalid(new FieldRef("address"), "The field 'address' is given both as one object and as separate street/city/state/postal_code/country properties; give one or the other.");

        private bool TryReadCustomFieldByKey(CopperLeadReading reading, SlotTracker slots, string key, object? value)
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
        private void ReadCustomFieldsProperty(CopperLeadReading reading, SlotTracker slots, object value, FieldRef field)
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
                throw _converter.NotA(field, CustomFieldsExpectation, value);
            }

            foreach (var item in items)
            {
                if (item == null || ValueShape.IsBlank(item))
                {
                    continue;
                }

                if (!ValueShape.TryGetRecord(item, out var entry))
                {
                    throw _converter.NotA(field, CustomFieldsExpectation, item);
                }

                ReadCustomFieldEntry(reading, slots, entry, field);
            }
        }

        private void ReadCustomFieldEntry(CopperLeadReading reading, SlotTracker slots, List<KeyValuePair<string, object?>> entry, FieldRef field)
        {
            object? idValue = null;
            object? value = null;
            var hasValue = false;
            var keys = new SlotTracker(_converter);
            foreach (var pair in entry)
            {
                var key = PropertyKey.Normalize(pair.Key);
                if (key == "customfielddefinitionid")
                {
                    keys.Claim(key, pair.Key, field.Child("custom_field_definition_id"));
                    idValue = pair.Value;
                }
                else if (key == "value")
                {
                    keys.Claim(key, pair.Key, field.Child("value"));
                    value = pair.Value;
                    hasValue = true;
                }
                else
                {
                    reading.Unknown.Add(field.Name + "." + pair.Key);
                }
            }

            if (idValue == null || ValueShape.IsBlank(idValue) || !hasValue)
            {
                throw _converter.Invalid(field, "Each entry of the field 'custom_fields' needs both 'custom_field_definition_id' and 'value'.");
            }

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
