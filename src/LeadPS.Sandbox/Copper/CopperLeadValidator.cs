using System;
using System.Linq;
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
        private static readonly string[] ResponseOnlyFields =
        {
            "id", "prefix", "first_name", "middle_name", "last_name", "suffix", "interaction_count",
            "date_created", "date_modified", "date_last_contacted",
        };

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
                    Store(field, CopperFieldRules.OptionalString(field, value, errors), changes);
                    break;
                case "email":
                    Store(field, CopperFieldRules.Email(value, errors), changes);
                    break;
                case "phone_numbers":
                    Store(field, CopperFieldRules.PhoneNumbers(value, errors), changes);
                    break;
                case "socials":
                    Store(field, CopperFieldRules.Socials(value, errors), changes);
                    break;
                case "websites":
                    Store(field, CopperFieldRules.Websites(value, errors), changes);
                    break;
                case "address":
                    Store(field, CopperFieldRules.Address(value, errors), changes);
                    break;
                case "assignee_id":
                    Store(field, CopperFieldRules.Reference(field, value, _catalogue.HasUser, "is not a user of this account", errors), changes);
                    break;
                case "customer_source_id":
                    Store(field, CopperFieldRules.Reference(field, value, _catalogue.HasCustomerSource, "is not a customer source of this account", errors), changes);
                    break;
                case "status":
                case "status_id":
                    break; // both resolved together in ResolveStatus
                case "monetary_value":
                    Store(field, CopperFieldRules.OptionalNumber(field, value, errors), changes);
                    break;
                case "monetary_unit":
                    Store(field, CopperFieldRules.Currency(value, errors), changes);
                    break;
                case "tags":
                    Store(field, CopperFieldRules.Tags(value, errors), changes);
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

                CopperFieldRules.RejectUnknownKeys(field, entry, new[] { "custom_field_definition_id", "value" }, errors);
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
    }
}
