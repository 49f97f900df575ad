using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// Turns the lead fields of a request body into a <see cref="CopperLeadChanges"/>, refusing
    /// wrong types and unknown references with Copper's 422 so that a client's mapping mistakes
    /// surface in the Sandbox instead of in production. Response-only fields are ignored (a lead
    /// read back may be sent again as is); any other unknown field is refused, never dropped.
    /// </summary>
    internal sealed class CopperLeadValidator
    {
        private static readonly string[] EmailCategories = { "work", "personal", "other" };
        private static readonly string[] PhoneCategories = { "mobile", "work", "home", "other" };
        private static readonly string[] WebsiteCategories = { "work", "personal", "other" };
        private static readonly string[] SocialCategories =
            { "linkedin", "twitter", "googleplus", "facebook", "youtube", "quora", "foursquare", "klout", "gravatar", "other" };
        private static readonly string[] AddressParts = { "street", "city", "state", "postal_code", "country" };
        private static readonly string[] ResponseOnlyFields =
        {
            "id", "prefix", "first_name", "middle_name", "last_name", "suffix", "interaction_count",
            "date_created", "date_modified", "date_last_contacted",
        };

        // Deliberately loose (one @, a dot in the domain, no spaces): plausible, not RFC 5322.
        private static readonly Regex PlausibleEmail = new Regex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$", RegexOptions.CultureInvariant);

        private readonly CopperCatalogue _catalogue;

        public CopperLeadValidator(CopperCatalogue catalogue)
        {
            _catalogue = catalogue;
        }

        /// <summary>Validates lead fields; <paramref name="creating"/> makes <c>name</c> required.</summary>
        public CopperLeadChanges Validate(JObject properties, bool creating)
        {
            var changes = new CopperLeadChanges();
            var errors = new CopperValidationErrors();
            foreach (var property in properties.Properties())
            {
                ValidateField(property.Name, property.Value, changes, errors);
            }

            ResolveStatus(properties, changes, errors);
            if (creating && !changes.SetsName && properties["name"] == null)
            {
                errors.Add("name", "can't be blank");
            }

            errors.ThrowIfAny();
            return changes;
        }

        /// <summary>The plausibility rule for e-mail addresses, shared with upsert matching.</summary>
        public static bool IsPlausibleEmail(string address) => PlausibleEmail.IsMatch(address);

        private void ValidateField(string field, JToken value, CopperLeadChanges changes, CopperValidationErrors errors)
        {
            switch (field)
            {
                case "name":
                    var name = CopperJson.AsString(value)?.Trim();
                    if (string.IsNullOrEmpty(name))
                    {
                        errors.Add(field, CopperJson.IsNull(value) || value.Type == JTokenType.String ? "can't be blank" : "must be a string");
                    }
                    else
                    {
                        changes.Fields[field] = name;
                    }

                    break;
                case "company_name":
                case "title":
                case "details":
                    Store(field, ValidateOptionalString(field, value, errors), changes);
                    break;
                case "email":
                    Store(field, ValidateEmail(value, errors), changes);
                    break;
                case "phone_numbers":
                    Store(field, ValidateCategorizedList(field, value, "number", PhoneCategories, errors), changes);
                    break;
                case "socials":
                case "websites":
                    Store(field, ValidateCategorizedList(field, value, "url", field == "socials" ? SocialCategories : WebsiteCategories, errors), changes);
                    break;
                case "address":
                    Store(field, ValidateAddress(value, errors), changes);
                    break;
                case "assignee_id":
                    Store(field, ValidateReference(field, value, _catalogue.HasUser, "is not a user of this account", errors), changes);
                    break;
                case "customer_source_id":
                    Store(field, ValidateReference(field, value, _catalogue.HasCustomerSource, "is not a customer source of this account", errors), changes);
                    break;
                case "status":
                case "status_id":
                    break; // both resolved together in ResolveStatus
                case "monetary_value":
                    Store(field, CopperJson.IsNull(value) || CopperJson.TryGetNumber(value, out _) ? value.DeepClone() : Error(field, "must be a number, got " + CopperJson.Describe(value), errors), changes);
                    break;
                case "monetary_unit":
                    Store(field, ValidateCurrency(value, errors), changes);
                    break;
                case "tags":
                    Store(field, ValidateTags(value, errors), changes);
                    break;
                case "custom_fields":
                    ValidateCustomFields(value, changes, errors);
                    break;
                default:
                    if (Array.IndexOf(ResponseOnlyFields, field) < 0)
                    {
                        errors.Add(field, "is not a lead field");
                    }

                    break;
            }
        }

        private static void Store(string field, JToken? value, CopperLeadChanges changes)
        {
            if (value != null)
            {
                changes.Fields[field] = value;
            }
        }

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

        private static JToken? ValidateOptionalString(string field, JToken value, CopperValidationErrors errors) =>
            CopperJson.IsNull(value) || value.Type == JTokenType.String
                ? value.DeepClone()
                : Error(field, "must be a string, got " + CopperJson.Describe(value), errors);

        private static JToken? ValidateEmail(JToken value, CopperValidationErrors errors)
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

        private static JToken? ValidateCategorizedList(string field, JToken value, string key, string[] categories, CopperValidationErrors errors)
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

        private static JToken? ValidateAddress(JToken value, CopperValidationErrors errors)
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

        private static JToken? ValidateReference(string field, JToken value, Func<long, bool> exists, string unknownReason, CopperValidationErrors errors)
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

        private static JToken? ValidateCurrency(JToken value, CopperValidationErrors errors)
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

        private static JToken? ValidateTags(JToken value, CopperValidationErrors errors)
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

        private void ValidateCustomFields(JToken value, CopperLeadChanges changes, CopperValidationErrors errors)
        {
            if (!(value is JArray entries))
            {
                errors.Add("custom_fields", "must be an array of {\"custom_field_definition_id\", \"value\"} objects, got " + CopperJson.Describe(value));
                return;
            }

            for (var index = 0; index < entries.Count; index++)
            {
                var field = "custom_fields[" + index + "]";
                if (!(entries[index] is JObject entry))
                {
                    errors.Add(field, "must be an object, got " + CopperJson.Describe(entries[index]));
                    continue;
                }

                RejectUnknownKeys(field, entry, new[] { "custom_field_definition_id", "value" }, errors);
                var definition = FindLeadDefinition(field + ".custom_field_definition_id", entry["custom_field_definition_id"], _catalogue, errors);
                if (definition == null)
                {
                    continue;
                }

                if (changes.CustomFields.ContainsKey(definition.Id))
                {
                    errors.Add(field + ".custom_field_definition_id", definition.Id + " is given more than once");
                    continue;
                }

                var normalized = CopperCustomFieldValues.Normalize(definition, entry["value"], field + ".value", errors);
                if (normalized != null)
                {
                    changes.CustomFields[definition.Id] = normalized;
                }
            }
        }

        /// <summary>A definition that exists and is available on leads, or <c>null</c> after an error.</summary>
        public static CopperCustomFieldDefinition? FindLeadDefinition(string field, JToken? idToken, CopperCatalogue catalogue, CopperValidationErrors errors)
        {
            if (!CopperJson.TryGetInt64(idToken, out var id))
            {
                errors.Add(field, "must be an integer id, got " + CopperJson.Describe(idToken));
                return null;
            }

            var definition = catalogue.FindDefinition(id);
            if (definition == null)
            {
                errors.Add(field, id + " is not a custom field definition of this account");
                return null;
            }

            if (!definition.IsAvailableOnLeads)
            {
                errors.Add(field, "custom field definition " + id + " (" + definition.Name + ") is not available on leads");
                return null;
            }

            return definition;
        }

        private void ResolveStatus(JObject properties, CopperLeadChanges changes, CopperValidationErrors errors)
        {
            long? statusId = null;
            var idToken = properties["status_id"];
            if (idToken != null)
            {
                if (!CopperJson.TryGetInt64(idToken, out var id))
                {
                    errors.Add("status_id", CopperJson.IsNull(idToken) ? "can't be blank" : "must be an integer id, got " + CopperJson.Describe(idToken));
                }
                else if (_catalogue.FindStatus(id) == null)
                {
                    errors.Add("status_id", id + " is not a lead status of this account");
                }
                else
                {
                    statusId = id;
                }
            }

            var nameToken = properties["status"];
            if (nameToken != null)
            {
                var status = CopperJson.AsString(nameToken) is string name ? _catalogue.FindStatusByName(name) : null;
                if (status == null)
                {
                    var names = string.Join(", ", _catalogue.LeadStatuses.Select(s => s.Name));
                    errors.Add("status", CopperJson.IsNull(nameToken) ? "can't be blank" : "must be one of " + names);
                }
                else if (statusId.HasValue && statusId.Value != status.Id)
                {
                    errors.Add("status", "'" + status.Name + "' does not match status_id " + statusId.Value);
                }
                else
                {
                    statusId = status.Id;
                }
            }

            if (statusId.HasValue)
            {
                changes.Fields["status_id"] = statusId.Value;
            }
        }

        private static bool RejectUnknownKeys(string field, JObject value, string[] allowed, CopperValidationErrors errors)
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
