using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LeadPS.Mapping
{
    /// <summary>
    /// Copper's structured contact fields from whatever shape the user had: a plain string, a list,
    /// an object, or a CSV cell holding several values separated by ';'.
    /// </summary>
    internal sealed class CopperContactInfoConverter
    {
        private static readonly string[] EmailCategories = { "work", "personal", "other" };
        private static readonly string[] PhoneCategories = { "mobile", "work", "home", "other" };
        private static readonly string[] WebsiteCategories = { "work", "personal", "other" };

        private readonly LeadValueConverter _converter;

        internal CopperContactInfoConverter(LeadValueConverter converter)
        {
            _converter = converter;
        }

        /// <summary>A plain address becomes <c>{email, category: "work"}</c>; an object keeps its category.</summary>
        internal JObject Email(object value, FieldRef field, PropertyNameList unknown)
        {
            if (ValueShape.TryGetList(value, out var items))
            {
                var given = items.Where(i => i != null && !ValueShape.IsBlank(i)).ToList();
                if (given.Count != 1)
                {
                    throw _converter.Invalid(field, "The field " + field.Label + " holds a single email address on a Copper lead; " + given.Count.ToString(CultureInfo.InvariantCulture) + " were given.");
                }

                value = given[0]!;
            }

            if (value is string)
            {
                return new JObject { ["email"] = _converter.ToEmailAddress(value, field), ["category"] = "work" };
            }

            if (!ValueShape.TryGetRecord(value, out var record))
            {
                throw _converter.NotA(field, LeadValueConverter.EmailExpectation, value);
            }

            var entry = ReadEntry(record, field, "email", unknown);
            var address = entry.Value ?? throw _converter.Invalid(field.Child("email"), "The field " + field.Label + " is an object without an 'email' address in it.");
            return new JObject
            {
                ["email"] = _converter.ToEmailAddress(address, field.Child("email")),
                ["category"] = Category(entry.Category, "work", EmailCategories, field.Child("category")),
            };
        }

        internal JArray PhoneNumbers(object value, FieldRef field, PropertyNameList unknown) =>
            LabeledList(value, field, "number", "work", PhoneCategories, unknown, number =>
            {
                var text = _converter.ToText(number, field).Trim();
                return text.Any(char.IsDigit) ? text : throw _converter.NotA(field, "a phone number (with at least one digit)", number);
            });

        internal JArray Websites(object value, FieldRef field, PropertyNameList unknown) =>
            LabeledList(value, field, "url", "work", WebsiteCategories, unknown, url => _converter.ToText(url, field).Trim());

        /// <summary>Copper's social categories are not fully documented, so any category is passed on.</summary>
        internal JArray Socials(object value, FieldRef field, PropertyNameList unknown) =>
            LabeledList(value, field, "url", "other", null, unknown, url => _converter.ToText(url, field).Trim());

        /// <summary>An object of street/city/state/postal_code/country; a plain string is taken as the street.</summary>
        internal JObject Address(object value, FieldRef field, PropertyNameList unknown)
        {
            if (value is string)
            {
                return new JObject { ["street"] = _converter.ToText(value, field) };
            }

            if (!ValueShape.TryGetRecord(value, out var record))
            {
                throw _converter.NotA(field, "an object with street, city, state, postal_code and country", value);
            }

            var address = new JObject();
            var slots = new SlotTracker(_converter);
            foreach (var pair in record)
            {
                var part = CopperFieldCatalog.AddressParts.FirstOrDefault(p => PropertyKey.Normalize(p) == PropertyKey.Normalize(pair.Key));
                if (part == null)
                {
                    unknown.Add(field.Name + "." + pair.Key);
                    continue;
                }

                var partField = field.Child(part, pair.Key);
                slots.Claim(part, pair.Key, partField);
                if (!ValueShape.IsBlank(pair.Value))
                {
                    address[part] = AddressPart(pair.Value, partField);
                }
            }

            return address;
        }

        internal JToken AddressPart(object? value, FieldRef field) =>
            value == null ? JValue.CreateNull() : new JValue(_converter.ToText(value, field));

        /// <summary>Tags from a list, or from one string separated by ';' or ','.</summary>
        internal JArray Tags(object value, FieldRef field)
        {
            var items = ValueShape.TryGetList(value, out var list)
                ? list
                : _converter.ToText(value, field).Split(';', ',').Cast<object?>().ToList();
            var tags = new JArray();
            foreach (var item in items)
            {
                if (item == null || ValueShape.IsBlank(item))
                {
                    continue;
                }

                tags.Add(_converter.ToText(item, field).Trim());
            }

            return tags;
        }

        private JArray LabeledList(
            object value,
            FieldRef field,
            string valueKey,
            string defaultCategory,
            string[]? categories,
            PropertyNameList unknown,
            Func<object, string> convert)
        {
            List<object?> items;
            if (value is string text)
            {
                items = text.Split(';').Cast<object?>().ToList();
            }
            else if (!ValueShape.TryGetList(value, out items))
            {
                items = new List<object?> { value };
            }

            var result = new JArray();
            foreach (var item in items)
            {
                if (item == null || ValueShape.IsBlank(item))
                {
                    continue;
                }

                if (!ValueShape.TryGetRecord(item, out var record))
                {
                    result.Add(new JObject { [valueKey] = convert(item), ["category"] = defaultCategory });
                    continue;
                }

                var entry = ReadEntry(record, field, valueKey, unknown);
                if (entry.Value == null)
                {
                    throw _converter.Invalid(field.Child(valueKey), "Each entry of the field " + field.Label + " needs a '" + valueKey + "'.");
                }

                result.Add(new JObject
                {
                    [valueKey] = convert(entry.Value),
                    ["category"] = Category(entry.Category, defaultCategory, categories, field.Child("category")),
                });
            }

            return result;
        }

        /// <summary>Reads <c>{valueKey, category}</c>; other keys are reported, not sent.</summary>
        private (object? Value, object? Category) ReadEntry(List<KeyValuePair<string, object?>> record, FieldRef field, string valueKey, PropertyNameList unknown)
        {
            (object? Value, object? Category) entry = (null, null);
            var slots = new SlotTracker(_converter);
            foreach (var pair in record)
            {
                var key = PropertyKey.Normalize(pair.Key);
                if (key != valueKey && key != "category")
                {
                    unknown.Add(field.Name + "." + pair.Key);
                    continue;
                }

                slots.Claim(key, pair.Key, field.Child(key, pair.Key));
                if (pair.Value == null || ValueShape.IsBlank(pair.Value))
                {
                    continue;
                }

                if (key == valueKey)
                {
                    entry.Value = pair.Value;
                }
                else
                {
                    entry.Category = pair.Value;
                }
            }

            return entry;
        }

        private string Category(object? given, string defaultCategory, string[]? allowed, FieldRef field)
        {
            if (given == null)
            {
                return defaultCategory;
            }

            var category = _converter.ToText(given, field).Trim().ToLowerInvariant();
            if (allowed != null && Array.IndexOf(allowed, category) < 0)
            {
                throw _converter.NotA(field, "one of " + string.Join(", ", allowed), given);
            }

            return category;
        }
    }
}
