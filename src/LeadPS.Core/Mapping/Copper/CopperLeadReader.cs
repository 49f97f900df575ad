using System.Collections.Generic;
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
        private readonly LeadValueConverter _converter;
        private readonly CopperContactInfoConverter _contact;
        private readonly CopperCustomFieldReader _customFields;

        internal CopperLeadReader(CopperSchema? schema, LeadValueConverter converter)
        {
            _converter = converter;
            _contact = new CopperContactInfoConverter(converter);
            _customFields = new CopperCustomFieldReader(schema, converter);
        }

        internal CopperLeadReading Read(IReadOnlyList<KeyValuePair<string, object?>> properties)
        {
            var reading = new CopperLeadReading();
            var slots = new SlotTracker(_converter);
            foreach (var pair in properties)
            {
                try
                {
                    ReadProperty(reading, slots, pair.Key, pair.Value);
                }
                catch (LeadValidationException ex)
                {
                    // Every field is read, so one error can name all that are wrong.
                    reading.Errors.Add(ex);
                }
            }

            return reading;
        }

        private void ReadProperty(CopperLeadReading reading, SlotTracker slots, string key, object? value)
        {
            if (CopperFieldCatalog.TryGet(key, out var field))
            {
                ReadField(reading, slots, field, key, value);
            }
            else if (!_customFields.TryReadByKey(reading, slots, key, value)
                && !(string.IsNullOrWhiteSpace(key) && (value == null || ValueShape.IsBlank(value))))
            {
                // Claimed too, so "Notes" and "notes" are refused like any other repeated field.
                slots.Claim("unsent:" + key.Trim(), key, new FieldRef(key));
                (CopperFieldCatalog.IsReadOnly(key) ? reading.ReadOnly : reading.Unknown).Add(key);
            }
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
                    throw _converter.NotA(fieldRef, CopperCustomFieldReader.Expectation, value);
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
                    _customFields.ReadWhole(reading, slots, value, fieldRef);
                    return;
            }

            var converted = Convert(field.Kind, value, fieldRef, reading.Unknown);
            if (CopperCustomFieldReader.IsBlankList(converted, value))
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

        private LeadValidationException WholeAndParts() =>
            _converter.Invalid(new FieldRef("address"), "The field 'address' is given both as one object and as separate street/city/state/postal_code/country properties; give one or the other.");
    }
}
