using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadPS.Mapping
{
    /// <summary>
    /// The account's custom field definitions, which let users give custom fields by name (a CSV
    /// column "Lead Score") and dropdown options by their label. Immutable: fetch once per connection.
    /// </summary>
    public sealed class CopperSchema
    {
        public CopperSchema(IEnumerable<CopperCustomFieldDefinition> definitions)
        {
            Definitions = (definitions ?? throw new ArgumentNullException(nameof(definitions))).ToArray();
        }

        public IReadOnlyList<CopperCustomFieldDefinition> Definitions { get; }

        /// <summary>Reads the JSON body of <c>GET /custom_field_definitions</c>.</summary>
        /// <exception cref="LeadApiException">The body is not a list of definitions (kind InvalidResponse).</exception>
        public static CopperSchema Parse(string json) => new CopperSchema(CopperSchemaJson.ReadDefinitions(json));

        public CopperCustomFieldDefinition? FindById(long id) => Definitions.FirstOrDefault(d => d.Id == id);

        /// <summary>
        /// The definition with this name: exact (ignoring case) first, then ignoring '_', '-' and
        /// spaces. Names can repeat across record types, so one available on leads is preferred.
        /// </summary>
        public CopperCustomFieldDefinition? FindByName(string name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                return null;
            }

            var trimmed = name.Trim();
            var exact = Definitions.Where(d => string.Equals(d.Name.Trim(), trimmed, StringComparison.OrdinalIgnoreCase)).ToList();
            var candidates = exact.Count > 0
                ? exact
                : Definitions.Where(d => PropertyKey.Normalize(d.Name) == PropertyKey.Normalize(trimmed)).ToList();
            return candidates.FirstOrDefault(d => d.IsAvailableOnLeads) ?? candidates.FirstOrDefault();
        }

        /// <summary>By id when the text is a number and such a definition exists, otherwise by name.</summary>
        public CopperCustomFieldDefinition? Find(string nameOrId)
        {
            if (PropertyKey.IsDigits(nameOrId ?? string.Empty)
                && long.TryParse(nameOrId!.Trim(), out var id)
                && FindById(id) is CopperCustomFieldDefinition byId)
            {
                return byId;
            }

            return FindByName(nameOrId ?? string.Empty);
        }
    }
}
