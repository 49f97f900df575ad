using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// Checks for the structured lead fields (e-mail, phone numbers, socials, websites, address,
    /// references, currency, tags). Each returns the normalized value to store, or <c>null</c>
    /// after recording why the value was refused.
    /// </summary>
    internal static class CopperFieldRules
    {
        private static readonly string[] EmailCategories = { "work", "personal", "other" };
        private static readonly string[] PhoneCategories = { "mobile", "work", "home", "other" };
        private static readonly string[] WebsiteCategories = { "work", "personal", "other" };
        private static readonly string[] SocialCategories =
            { "linkedin", "twitter", "googleplus", "facebook", "youtube", "quora", "foursquare", "klout", "gravatar", "other" };
        private static readonly string[] AddressParts = { "street", "city", "state", "postal_code", "country" };

        // Deliberately loose (one @, a dot in the domain, no spaces): plausible, not RFC 5322.
        private static readonly Regex PlausibleEmail = new Regex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$", RegexOptions.CultureInvariant);

        private static bool IsPlausibleEmail(string address) => PlausibleEmail.IsMatch(address);

        private static JToken? Error(string field, string reason, CopperValidationErrors errors)
        {
            errors.Add(field, reason);
            return null;
        }

        private static bool Fail(string field, string reason, CopperValidationErrors errors)
        {
            errors.Add(field, reason);
            return false;
        }

        public static JToken? OptionalNumber(string field, JToken value, CopperValidationErrors errors) =>
            CopperJson.IsNull(value) || CopperJson.TryGetNumber(value, out _)
                ? value.DeepClone()
                : Error(field, "must be a number, got " + CopperJson.Describe(value), errors);

        public static JToken? PhoneNumbers(JToken value, CopperValidationErrors errors) =>
            CategorizedList("phone_numbers", value, "number", PhoneCategories, errors);

        public static JToken? Socials(JToken value, CopperValidationErrors errors) =>
            CategorizedList("socials", value, "url", SocialCategories, errors);

        public static JToken? Websites(JToken value, CopperValidationErrors errors) =>
            CategorizedList("websites", value, "url", WebsiteCategories, errors);

        public static JToken? OptionalString(string field, JToken value, CopperValidationErrors errors) =>
            CopperJson.IsNull(value) || value.Type == JTokenType.String
                ? value.DeepClone()
                : Error(field, "must be a string, got " + CopperJson.Describe(value), errors);

        public static JToken? Email(JToken value, CopperValidationErrors errors)
        {
            if (CopperJson.IsNull(value))
            {
                return JValue.CreateNull();
            }

            if (!(value is JObject email))
            {
                return Error("email", "must be an object {\"email\": ..., \"category\": ...}, got " + CopperJson.Describe(value), errors);
            }

            var valid = RejectUnknownKeys("email", email, new[] { "email", "category" }, errors);
            var address = CopperJson.AsString(email["email"])?.Trim();
            if (address == null || !IsPlausibleEmail(address))
            {
                valid = Fail("email.email", "must be a valid e-mail address", errors);
            }

            var category = CopperJson.AsString(email["category"]);
            if (!IsOneOf(category, EmailCategories))
            {
                valid = Fail("email.category", "must be one of " + string.Join(", ", EmailCategories), errors);
            }

            return valid ? new JObject { ["email"] = address, ["category"] = category } : null;
        }

        private static JToken? CategorizedList(string field, JToken value, string key, string[] categories, CopperValidationErrors errors)
        {
            if (CopperJson.IsNull(value))
            {
                return new JArray();
            }

            if (!(value is JArray items))
            {
                return Error(field, "must be an array of {\"" + key + "\", \"category\"} objects, got " + CopperJson.Describe(value), errors);
            }

            var normalized = new JArray();
            var valid = true;
            for (var index = 0; index < items.Count; index++)
            {
                var itemField = field + "[" + index + "]";
                if (!(items[index] is JObject item))
                {
                    valid = Fail(itemField, "must be an object, got " + CopperJson.Describe(items[index]), errors);
                    continue;
                }

                valid &= RejectUnknownKeys(itemField, item, new[] { key, "category" }, errors);
                var text = CopperJson.AsString(item[key])?.Trim();
                if (string.IsNullOrEmpty(text))
                {
                    valid = Fail(itemField + "." + key, "can't be blank", errors);
                }

                var category = CopperJson.AsString(item["category"]);
                if (!IsOneOf(category, categories))
                {
                    valid = Fail(itemField + ".category", "must be one of " + string.Join(", ", categories), errors);
                }

                normalized.Add(new JObject { [key] = text, ["category"] = category });
            }

            return valid ? normalized : null;
        }

        public static JToken? Address(JToken value, CopperValidationErrors errors)
        {
            if (CopperJson.IsNull(value))
            {
                return JValue.CreateNull();
            }

            if (!(value is JObject address))
            {
                return Error("address", "must be an object with street, city, state, postal_code, country, got " + CopperJson.Describe(value), errors);
            }

            var valid = RejectUnknownKeys("address", address, AddressParts, errors);
            var normalized = new JObject();
            foreach (var part in AddressParts)
            {
                var partValue = address[part];
                if (!CopperJson.IsNull(partValue) && partValue!.Type != JTokenType.String)
                {
                    valid = Fail("address." + part, "must be a string, got " + CopperJson.Describe(partValue), errors);
                }

                normalized[part] = partValue?.DeepClone() ?? JValue.CreateNull();
            }

            return valid ? normalized : null;
        }

        public static JToken? Reference(string field, JToken value, Func<long, bool> exists, string unknownReason, CopperValidationErrors errors)
        {
            if (CopperJson.IsNull(value))
            {
                return JValue.CreateNull();
            }

            if (!CopperJson.TryGetInt64(value, out var id))
            {
                return Error(field, "must be an integer id, got " + CopperJson.Describe(value), errors);
            }

            return exists(id) ? new JValue(id) : Error(field, id + " " + unknownReason, errors);
        }

        public static JToken? Currency(JToken value, CopperValidationErrors errors)
        {
            if (CopperJson.IsNull(value))
            {
                return JValue.CreateNull();
            }

            var unit = CopperJson.AsString(value)?.Trim();
            return unit != null && unit.Length == 3 && unit.All(char.IsLetter)
                ? new JValue(unit.ToUpperInvariant())
                : Error("monetary_unit", "must be a three-letter currency code such as USD", errors);
        }

        public static JToken? Tags(JToken value, CopperValidationErrors errors)
        {
            if (CopperJson.IsNull(value))
            {
                return new JArray();
            }

            if (!(value is JArray items) || items.Any(item => string.IsNullOrWhiteSpace(CopperJson.AsString(item))))
            {
                return Error("tags", "must be an array of non-empty strings", errors);
            }

            // Copper keeps a tag once however often it is sent.
            var tags = new JArray();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var tag in items.Select(item => CopperJson.AsString(item)!.Trim()))
            {
                if (seen.Add(tag))
                {
                    tags.Add(tag);
                }
            }

            return tags;
        }

        public static bool RejectUnknownKeys(string field, JObject value, string[] allowed, CopperValidationErrors errors)
        {
            var valid = true;
            foreach (var property in value.Properties().Where(property => Array.IndexOf(allowed, property.Name) < 0))
            {
                errors.Add(field + "." + property.Name, "is not a known key (expected " + string.Join(", ", allowed) + ")");
                valid = false;
            }

            return valid;
        }

        private static bool IsOneOf(string? value, string[] allowed) => value != null && Array.IndexOf(allowed, value) >= 0;
    }
}
