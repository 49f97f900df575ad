using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadPS.Mapping
{
    /// <summary>
    /// The lead fields of copper.md, a small set of aliases (flat CSV columns, and Set-Lead's
    /// iVvy-named parameters that have a Copper equivalent), and the response-only fields.
    /// Keys are normalised with <see cref="PropertyKey.Normalize"/>.
    /// </summary>
    internal static class CopperFieldCatalog
    {
        // Declared before Fields: static initialisers run in textual order and Build() reads it.
        internal static readonly IReadOnlyList<string> AddressParts = new[] { "street", "city", "state", "postal_code", "country" };

        internal static readonly IReadOnlyDictionary<string, CopperField> Fields = Build();

        /// <summary>Fields Copper returns but never takes: reported, not sent.</summary>
        private static readonly IReadOnlyList<string> ReadOnlyKeys = new[]
        {
            "datecreated", "datemodified", "datelastcontacted", "interactioncount", "monetaryunit",
            "prefix", "firstname", "middlename", "lastname", "suffix",
        };

        internal static bool TryGet(string key, out CopperField field) => Fields.TryGetValue(PropertyKey.Normalize(key), out field!);

        internal static bool IsReadOnly(string key) => ReadOnlyKeys.Contains(PropertyKey.Normalize(key));

        private static Dictionary<string, CopperField> Build()
        {
            var fields = new Dictionary<string, CopperField>(StringComparer.Ordinal);
            void Add(CopperField field, params string[] aliases)
            {
                fields.Add(PropertyKey.Normalize(field.AddressPart ?? field.Name), field);
                foreach (var alias in aliases)
                {
                    fields.Add(PropertyKey.Normalize(alias), field);
                }
            }

            Add(new CopperField("id", CopperFieldKind.LeadId));
            Add(new CopperField("name", CopperFieldKind.Text));
            Add(new CopperField("email", CopperFieldKind.Email));
            Add(new CopperField("phone_numbers", CopperFieldKind.PhoneNumbers), "phone", "phone_number");
            Add(new CopperField("websites", CopperFieldKind.Websites), "website");
            Add(new CopperField("socials", CopperFieldKind.Socials));
            Add(new CopperField("address", CopperFieldKind.Address));
            foreach (var part in AddressParts)
            {
                Add(new CopperField("address", CopperFieldKind.AddressPart, part));
            }

            Add(new CopperField("assignee_id", CopperFieldKind.Id), "owner_user_id");
            Add(new CopperField("customer_source_id", CopperFieldKind.Id), "source_id");
            Add(new CopperField("status_id", CopperFieldKind.Id), "stage_id");
            Add(new CopperField("status", CopperFieldKind.Text));
            Add(new CopperField("company_name", CopperFieldKind.Text), "company");
            Add(new CopperField("title", CopperFieldKind.Text));
            Add(new CopperField("details", CopperFieldKind.Text), "description");
            Add(new CopperField("monetary_value", CopperFieldKind.Number));
            Add(new CopperField("tags", CopperFieldKind.Tags));
            Add(new CopperField("custom_fields", CopperFieldKind.CustomFields), "custom_field");
            return fields;
        }
    }
}
