using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// The seeded, immutable account settings: custom field definitions, lead statuses, customer
    /// sources, users and the account. Documented in docs/sandbox-copper.md; runbooks and tests
    /// rely on these ids, so change them only together with the docs.
    /// </summary>
    internal sealed class CopperCatalogue
    {
        private readonly Dictionary<long, CopperCustomFieldDefinition> _definitionsById;

        public CopperCatalogue()
        {
            // 100764, 103481 and 128735 are the definition ids of the upsert seed's example lead.
            Definitions = new[]
            {
                new CopperCustomFieldDefinition(100764, "Lead Reference", CopperDataTypes.String, new[] { "lead", "person", "company" }, isFilterable: true),
                new CopperCustomFieldDefinition(103481, "Industry", CopperDataTypes.Dropdown, new[] { "lead", "company" }, isFilterable: true, new[]
                {
                    new CopperCustomFieldOption(167081, "Retail", 0),
                    new CopperCustomFieldOption(167082, "Finance", 1),
                    new CopperCustomFieldOption(167083, "Healthcare", 2),
                    new CopperCustomFieldOption(167084, "Technology", 3),
                    new CopperCustomFieldOption(167085, "Manufacturing", 4),
                }),
                new CopperCustomFieldDefinition(128735, "Expected Close Date", CopperDataTypes.Date, new[] { "lead", "opportunity" }, isFilterable: true),
                new CopperCustomFieldDefinition(131208, "Interests", CopperDataTypes.MultiSelect, new[] { "lead", "person" }, isFilterable: true, new[]
                {
                    new CopperCustomFieldOption(201001, "Webinars", 0),
                    new CopperCustomFieldOption(201002, "Newsletter", 1),
                    new CopperCustomFieldOption(201003, "Events", 2),
                    new CopperCustomFieldOption(201004, "Product Trials", 3),
                }),
                new CopperCustomFieldDefinition(131209, "Estimated Budget", CopperDataTypes.Float, new[] { "lead", "opportunity" }, isFilterable: true),
                new CopperCustomFieldDefinition(131210, "Internal Notes", CopperDataTypes.Text, new[] { "lead" }, isFilterable: false),
                new CopperCustomFieldDefinition(131211, "Account Tier", CopperDataTypes.Dropdown, new[] { "company", "opportunity" }, isFilterable: true, new[]
                {
                    new CopperCustomFieldOption(201101, "Gold", 0),
                    new CopperCustomFieldOption(201102, "Silver", 1),
                    new CopperCustomFieldOption(201103, "Bronze", 2),
                }),
            };
            _definitionsById = Definitions.ToDictionary(definition => definition.Id);
            LeadDefinitions = Definitions.Where(definition => definition.IsAvailableOnLeads).OrderBy(definition => definition.Id).ToArray();

            LeadStatuses = new[]
            {
                new CopperLeadStatus(208231, "New", 1, isDefault: true),
                new CopperLeadStatus(208232, "Unqualified", 2, isDefault: false),
                new CopperLeadStatus(208233, "Contacted", 3, isDefault: false),
                new CopperLeadStatus(208234, "Qualified", 4, isDefault: false),
            };
            DefaultStatus = LeadStatuses.Single(status => status.IsDefault);

            CustomerSources = new[]
            {
                new CopperCustomerSource(331240, "Advertising"),
                new CopperCustomerSource(331241, "Cold Call"),
                new CopperCustomerSource(331242, "Email"),
                new CopperCustomerSource(331243, "Referral"),
                new CopperCustomerSource(331244, "Web Form"),
            };

            Users = new[]
            {
                new CopperUser(137658, "Sandbox User", "sandbox.user@leadps.test"),
                new CopperUser(137659, "Alex Rivera", "alex.rivera@leadps.test"),
                new CopperUser(137660, "Sam Chen", "sam.chen@leadps.test"),
            };
            CurrentUser = Users[0];

            Account = new CopperAccount(181204, "LeadPS Sandbox", "UTC");
        }

        public IReadOnlyList<CopperCustomFieldDefinition> Definitions { get; }

        /// <summary>Definitions available on leads, in id order: every lead lists all of them.</summary>
        public IReadOnlyList<CopperCustomFieldDefinition> LeadDefinitions { get; }

        public IReadOnlyList<CopperLeadStatus> LeadStatuses { get; }

        public CopperLeadStatus DefaultStatus { get; }

        public IReadOnlyList<CopperCustomerSource> CustomerSources { get; }

        public IReadOnlyList<CopperUser> Users { get; }

        /// <summary>The owner of the API token: what <c>GET /users/me</c> describes.</summary>
        public CopperUser CurrentUser { get; }

        public CopperAccount Account { get; }

        public CopperCustomFieldDefinition? FindDefinition(long id) =>
            _definitionsById.TryGetValue(id, out var definition) ? definition : null;

        public CopperLeadStatus? FindStatus(long id) => LeadStatuses.FirstOrDefault(status => status.Id == id);

        public CopperLeadStatus? FindStatusByName(string name) =>
            LeadStatuses.FirstOrDefault(status => string.Equals(status.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

        public bool HasCustomerSource(long id) => CustomerSources.Any(source => source.Id == id);

        public bool HasUser(long id) => Users.Any(user => user.Id == id);
    }
}
