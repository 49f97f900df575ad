using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace LeadPS.Mapping
{
    /// <summary>
    /// Fills the nested <c>contact</c> and <c>company</c> objects, from a hashtable or from dotted
    /// columns such as <c>contact.firstName</c> (a CSV row cannot hold a nested object).
    /// Known keys get iVvy's spelling and are converted; other keys are passed on as given.
    /// </summary>
    internal sealed class IvvyNestedObjectReader
    {
        private readonly LeadValueConverter _converter;

        internal IvvyNestedObjectReader(LeadValueConverter converter)
        {
            _converter = converter;
        }

        internal void ReadWhole(IvvyLeadReading reading, SlotTracker slots, IvvyField parent, string givenKey, object? value)
        {
            var field = new FieldRef(parent.Name, givenKey);
            slots.Claim(parent.Name, givenKey, field);
            if (ValueShape.IsBlank(value))
            {
                return;
            }

            if (value == null)
            {
                if (reading.Fields[parent.Name] is JObject)
                {
                    throw Conflict(field);
                }

                reading.Fields[parent.Name] = JValue.CreateNull();
                return;
            }

            if (!ValueShape.TryGetRecord(value, out var record))
            {
                throw _converter.NotA(field, "an object (" + string.Join(", ", Names(parent)) + ", ...)", value);
            }

            reading.Nested(parent.Name);
            foreach (var pair in record)
            {
                ReadKey(reading, slots, parent, pair.Key, givenKey + "." + pair.Key, pair.Value);
            }
        }

        /// <summary>One key of the nested object, given inside it or as a dotted column.</summary>
        internal void ReadKey(IvvyLeadReading reading, SlotTracker slots, IvvyField parent, string key, string givenKey, object? value)
        {
            var keys = parent.Kind == IvvyFieldKind.Contact ? IvvyFieldCatalog.ContactKeys : IvvyFieldCatalog.CompanyKeys;
            keys.TryGetValue(PropertyKey.Normalize(key), out var known);
            var name = known?.Name ?? key.Trim();
            var field = new FieldRef(parent.Name + "." + name, givenKey);
            slots.Claim(parent.Name + "." + name, givenKey, field);
            if (ValueShape.IsBlank(value))
            {
                return;
            }

            if (reading.Fields[parent.Name]?.Type == JTokenType.Null)
            {
                throw Conflict(new FieldRef(parent.Name));
            }

            reading.Nested(parent.Name)[name] = Convert(known?.Kind, value, field);
        }

        private JToken Convert(IvvyFieldKind? kind, object? value, FieldRef field)
        {
            if (value == null)
            {
                return JValue.CreateNull();
            }

            switch (kind)
            {
                case IvvyFieldKind.Id:
                    return new JValue(_converter.ToPositiveId(value, field));
                case IvvyFieldKind.Text:
                    return new JValue(_converter.ToText(value, field));
                case IvvyFieldKind.Email:
                    return new JValue(_converter.ToEmailAddress(value, field));
                default:
                    return PlainJson.From(value, field, _converter);
            }
        }

        private LeadValidationException Conflict(FieldRef field) =>
            _converter.Invalid(field, "The field " + field.Label + " is given as null (clear it) and with values at once; give one or the other.");

        private static IEnumerable<string> Names(IvvyField parent)
        {
            var keys = parent.Kind == IvvyFieldKind.Contact ? IvvyFieldCatalog.ContactKeys : IvvyFieldCatalog.CompanyKeys;
            foreach (var key in keys.Values)
            {
                yield return key.Name;
            }
        }
    }
}
