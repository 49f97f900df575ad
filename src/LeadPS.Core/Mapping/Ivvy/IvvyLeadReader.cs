using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace LeadPS.Mapping
{
    /// <summary>
    /// Reads each input property into addOrUpdateLead parameters: known parameters are converted
    /// (ids as positive 64-bit integers), dotted names fill nested objects, the rest is listed as unknown.
    /// </summary>
    internal sealed class IvvyLeadReader
    {
        private readonly LeadValueConverter _converter;
        private readonly IvvyNestedObjectReader _nested;
        private readonly IvvyCustomFieldReader _customFields;

        internal IvvyLeadReader(LeadValueConverter converter)
        {
            _converter = converter;
            _nested = new IvvyNestedObjectReader(converter);
            _customFields = new IvvyCustomFieldReader(converter);
        }

        internal IvvyLeadReading Read(IReadOnlyList<KeyValuePair<string, object?>> properties)
        {
            var reading = new IvvyLeadReading();
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

        private void ReadProperty(IvvyLeadReading reading, SlotTracker slots, string key, object? value)
        {
            if (IvvyFieldCatalog.TryGet(key, out var field))
            {
                ReadParameter(reading, slots, field, key, value);
            }
            else if (!TryReadDotted(reading, slots, key, value)
                && !(string.IsNullOrWhiteSpace(key) && (value == null || ValueShape.IsBlank(value))))
            {
                // Claimed too, so "Notes" and "notes" are refused like any other repeated field.
                slots.Claim("unsent:" + key.Trim(), key, new FieldRef(key));
                reading.Unknown.Add(key);
            }
        }

        private void ReadParameter(IvvyLeadReading reading, SlotTracker slots, IvvyField field, string key, object? value)
        {
            switch (field.Kind)
            {
                case IvvyFieldKind.Contact:
                case IvvyFieldKind.Company:
                    _nested.ReadWhole(reading, slots, field, key, value);
                    return;
                case IvvyFieldKind.CustomFields:
                    _customFields.ReadWhole(reading, slots, key, value);
                    return;
            }

            var fieldRef = new FieldRef(field.Name, key);
            slots.Claim(field.Name, key, fieldRef);
            if (ValueShape.IsBlank(value))
            {
                return;
            }

            if (field.Kind == IvvyFieldKind.LeadId)
            {
                // An empty or null id means "add", as in iVvy's own documentation.
                reading.Id = value == null ? (long?)null : _converter.ToPositiveId(value, fieldRef);
                return;
            }

            if (value == null)
            {
                reading.Fields[field.Name] = JValue.CreateNull();
                return;
            }

            if (field.Kind == IvvyFieldKind.Id)
            {
                reading.Fields[field.Name] = _converter.ToPositiveId(value, fieldRef);
                return;
            }

            var text = _converter.ToText(value, fieldRef);
            reading.Fields[field.Name] = text;
            if (field.Name == "name")
            {
                reading.Name = text;
            }
        }

        /// <summary><c>contact.firstName</c>, <c>company.name</c>, <c>customFields.12</c>: nested values from flat columns.</summary>
        private bool TryReadDotted(IvvyLeadReading reading, SlotTracker slots, string key, object? value)
        {
            var dot = key.IndexOf('.');
            if (dot <= 0 || dot == key.Length - 1 || !IvvyFieldCatalog.TryGet(key.Substring(0, dot), out var parent))
            {
                return false;
            }

            var nestedKey = key.Substring(dot + 1);
            switch (parent.Kind)
            {
                case IvvyFieldKind.Contact:
                case IvvyFieldKind.Company:
                    _nested.ReadKey(reading, slots, parent, nestedKey, key, value);
                    return true;
                case IvvyFieldKind.CustomFields:
                    _customFields.Add(reading, slots, nestedKey, value, key);
                    return true;
                default:
                    return false;
            }
        }
    }
}
