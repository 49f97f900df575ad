using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// Writes a lead exactly as the upsert seed's 200 example shows it: every field present, in the
    /// same order, nulls and empty arrays rather than missing keys, one entry per lead custom field.
    /// </summary>
    internal sealed class CopperLeadRenderer
    {
        private const string DefaultMonetaryUnit = "USD";
        private readonly CopperCatalogue _catalogue;

        public CopperLeadRenderer(CopperCatalogue catalogue)
        {
            _catalogue = catalogue;
        }

        /// <summary>A detached copy: safe to serialize after the store lock is released.</summary>
        public JObject Render(CopperLead lead)
        {
            var parts = CopperNameParts.Parse(lead.Name);
            var monetaryValue = Field(lead, "monetary_value");
            JToken email = lead.EmailAddress == null
                ? JValue.CreateNull()
                : new JObject { ["email"] = lead.EmailAddress, ["category"] = lead.EmailCategory };
            var status = _catalogue.FindStatus(lead.StatusId) ?? _catalogue.DefaultStatus;
            return new JObject
            {
                ["id"] = lead.Id,
                ["name"] = lead.Name,
                ["prefix"] = parts.Prefix,
                ["first_name"] = parts.FirstName,
                ["last_name"] = parts.LastName,
                ["middle_name"] = parts.MiddleName,
                ["suffix"] = parts.Suffix,
                ["address"] = Field(lead, "address"),
                ["assignee_id"] = lead.AssigneeId,
                ["company_name"] = Field(lead, "company_name"),
                ["customer_source_id"] = lead.CustomerSourceId,
                ["details"] = Field(lead, "details"),
                ["email"] = email,
                ["interaction_count"] = lead.InteractionCount,

                // Copper reports a currency only alongside an amount.
                ["monetary_unit"] = monetaryValue.Type == JTokenType.Null
                    ? JValue.CreateNull()
                    : lead.Field("monetary_unit")?.DeepClone() ?? DefaultMonetaryUnit,
                ["monetary_value"] = monetaryValue,
                ["socials"] = List(lead, "socials"),
                ["status"] = status.Name,
                ["status_id"] = status.Id,
                ["tags"] = new JArray(lead.Tags),
                ["title"] = Field(lead, "title"),
                ["websites"] = List(lead, "websites"),
                ["phone_numbers"] = List(lead, "phone_numbers"),
                ["custom_fields"] = CustomFields(lead),
                ["date_created"] = lead.DateCreated,
                ["date_modified"] = lead.DateModified,
                ["date_last_contacted"] = lead.DateLastContacted,
            };
        }

        private static JToken Field(CopperLead lead, string name) => lead.Field(name)?.DeepClone() ?? JValue.CreateNull();

        private static JToken List(CopperLead lead, string name) => lead.Field(name)?.DeepClone() ?? new JArray();

        private JArray CustomFields(CopperLead lead)
        {
            var fields = new JArray();
            foreach (var definition in _catalogue.LeadDefinitions)
            {
                fields.Add(new JObject
                {
                    ["custom_field_definition_id"] = definition.Id,
                    ["value"] = lead.CustomValue(definition.Id)?.DeepClone() ?? JValue.CreateNull(),
                });
            }

            return fields;
        }
    }
}
