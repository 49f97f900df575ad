using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LeadPS.Mapping
{
    /// <summary>
    /// addOrUpdateLead's required-when rules, checked before any request so a bad CSV row fails
    /// locally with every missing field named. Adding needs name, sourceId, typeId and stageId, then:
    /// a company lead (companyId or company given, even alongside contactId) needs companyId — or a
    /// new company object — and companyLeadContactId or a contact object (it becomes the lead contact); a contact lead needs contactId — or a new
    /// contact with firstName, lastName and email — and industryId. Updating needs any field besides id.
    /// </summary>
    internal sealed class IvvyLeadRules
    {
        private static readonly string[] AlwaysRequired = { "name", "sourceId", "typeId", "stageId" };

        private readonly LeadValueConverter _converter;

        internal IvvyLeadRules(LeadValueConverter converter)
        {
            _converter = converter;
        }

        internal static bool IsCompanyLead(IvvyLeadReading reading) => reading.Has("companyId") || reading.Has("company");

        internal void Check(IvvyLeadReading reading, long? id)
        {
            if (id != null)
            {
                if (!reading.Fields.HasValues)
                {
                    throw new LeadValidationException(
                        "Nothing to update on iVvy lead " + id.Value.ToString(CultureInfo.InvariantCulture) + ": no field besides 'id' was given" + reading.Unknown.DescribeIgnored("not sent, unknown to iVvy") + ".",
                        null,
                        LeadPlatform.Ivvy);
                }

                return;
            }

            var missing = new List<string>();
            foreach (var name in AlwaysRequired)
            {
                if (!reading.Has(name))
                {
                    missing.Add(name);
                }
            }

            var companyLead = IsCompanyLead(reading);
            if (companyLead)
            {
                if (!reading.Has("companyId") && !reading.HasNested("company"))
                {
                    missing.Add("companyId");
                }

                // A nested contact becomes the company's lead contact, as iVvy's addOrUpdateContact would make it.
                if (!reading.Has("companyLeadContactId"))
                {
                    if (reading.HasNested("contact"))
                    {
                        AddMissingContactKeys(reading, missing);
                    }
                    else
                    {
                        missing.Add("companyLeadContactId");
                    }
                }
            }
            else
            {
                AddMissingContact(reading, missing);
                if (!reading.Has("industryId"))
                {
                    missing.Add("industryId");
                }
            }

            if (missing.Count > 0)
            {
                var message = Describe(missing, companyLead) + reading.Unknown.DescribeIgnored("not sent, unknown to iVvy");
                var each = missing.Select(name => new LeadFieldError(name, "'" + name + "' is missing: a new iVvy lead needs it.")).ToList();
                throw new LeadValidationException(message, missing[0], LeadPlatform.Ivvy, LeadErrorKind.Invalid, each);
            }
        }

        /// <summary>
        /// A null value (<c>$null</c>, or a blank one under -EmptyValue Clear) asks to clear the field.
        /// Adding, there is nothing to clear: it is left out. Updating, iVvy stores an empty text for
        /// <c>description</c> and custom field values; it has no way to clear a name or an id field.
        /// </summary>
        internal void ApplyClears(IvvyLeadReading reading, long? id)
        {
            foreach (var property in reading.Fields.Properties().ToList())
            {
                if (property.Value is JArray customFields && property.Name == IvvyCustomFieldReader.Name)
                {
                    foreach (var entry in customFields.OfType<JObject>().Where(e => e["fieldValue"]?.Type == JTokenType.Null).ToList())
                    {
                        if (id == null)
                        {
                            entry.Remove();
                        }
                        else
                        {
                            entry["fieldValue"] = string.Empty;
                        }
                    }

                    if (customFields.Count == 0)
                    {
                        property.Remove();
                    }

                    continue;
                }

                if (property.Value.Type != JTokenType.Null)
                {
                    continue;
                }

                if (id == null)
                {
                    property.Remove();
                }
                else if (property.Name == "description")
                {
                    property.Value = string.Empty;
                }
                else
                {
                    reading.Errors.Add(_converter.Invalid(
                        new FieldRef(property.Name),
                        "iVvy cannot clear '" + property.Name + "' of a lead: " + (property.Name == "name" ? "a lead always has a name." : "give another value, or leave the field out.")
                        + " Only 'description' and custom field values can be cleared."));
                }
            }
        }

        private static void AddMissingContact(IvvyLeadReading reading, List<string> missing)
        {
            if (reading.Has("contactId"))
            {
                return;
            }

            if (!reading.HasNested("contact"))
            {
                missing.Add("contactId");
                return;
            }

            AddMissingContactKeys(reading, missing);
        }

        private static void AddMissingContactKeys(IvvyLeadReading reading, List<string> missing)
        {
            if (reading.HasNestedValue("contact", "id"))
            {
                return;
            }

            foreach (var key in new[] { "firstName", "lastName", "email" })
            {
                if (!reading.HasNestedValue("contact", key))
                {
                    missing.Add("contact." + key);
                }
            }
        }

        private static string Describe(List<string> missing, bool companyLead)
        {
            var list = "'" + string.Join("', '", missing) + "'";
            var kind = companyLead
                ? "As a company lead (companyId or company given) it also needs companyId, or a new company object, and companyLeadContactId, or a contact object."
                : "As a contact lead (no companyId or company given) it also needs contactId, or a new contact with firstName, lastName and email, and industryId.";
            return "Cannot add the iVvy lead: " + list + (missing.Count == 1 ? " is" : " are")
                + " missing. A new lead (no 'id') needs name, sourceId, typeId and stageId. " + kind;
        }
    }
}
