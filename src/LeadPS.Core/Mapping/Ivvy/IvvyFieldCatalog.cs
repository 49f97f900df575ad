using System;
using System.Collections.Generic;

namespace LeadPS.Mapping
{
    /// <summary>
    /// The parameters of <c>contact?action=addOrUpdateLead</c> (ivvy.md), and the nested contact
    /// and company keys LeadPS knows. Keys are normalised with <see cref="PropertyKey.Normalize"/>,
    /// so <c>SourceId</c>, <c>source_id</c> and <c>Source Id</c> all reach <c>sourceId</c>.
    /// </summary>
    internal static class IvvyFieldCatalog
    {
        /// <summary>The integer id parameters; ids are positive and read as 64-bit.</summary>
        internal static readonly IReadOnlyList<string> IdParameters = new[]
        {
            "qualityId", "industryId", "sourceId", "companyId", "companyLeadContactId", "contactId",
            "ownerUserId", "typeId", "subtypeId", "stageId", "stageReasonId", "channelId",
        };

        internal static readonly IReadOnlyDictionary<string, IvvyField> Parameters = BuildParameters();

        /// <summary>
        /// Keys of the nested contact (addOrUpdateContact) LeadPS converts; other keys are passed
        /// on as given, because iVvy's full contact parameter list is not documented here.
        /// </summary>
        internal static readonly IReadOnlyDictionary<string, IvvyField> ContactKeys = BuildNested(
            new IvvyField("id", IvvyFieldKind.Id),
            new IvvyField("firstName", IvvyFieldKind.Text),
            new IvvyField("lastName", IvvyFieldKind.Text),
            new IvvyField("email", IvvyFieldKind.Email),
            new IvvyField("phone", IvvyFieldKind.Text));

        /// <summary>Keys of the nested company (addOrUpdateCompany) LeadPS converts; others pass as given.</summary>
        internal static readonly IReadOnlyDictionary<string, IvvyField> CompanyKeys = BuildNested(
            new IvvyField("id", IvvyFieldKind.Id),
            new IvvyField("name", IvvyFieldKind.Text));

        internal static bool TryGet(string key, out IvvyField field) => Parameters.TryGetValue(PropertyKey.Normalize(key), out field!);

        private static Dictionary<string, IvvyField> BuildParameters()
        {
            var fields = new Dictionary<string, IvvyField>(StringComparer.Ordinal);
            void Add(IvvyField field, params string[] aliases)
            {
                fields.Add(PropertyKey.Normalize(field.Name), field);
                foreach (var alias in aliases)
                {
                    fields.Add(PropertyKey.Normalize(alias), field);
                }
            }

            Add(new IvvyField("id", IvvyFieldKind.LeadId));
            foreach (var id in IdParameters)
            {
                // iVvy's own parameter table calls channelId "channel".
                Add(new IvvyField(id, IvvyFieldKind.Id), id == "channelId" ? new[] { "channel" } : Array.Empty<string>());
            }

            Add(new IvvyField("name", IvvyFieldKind.Text));
            Add(new IvvyField("description", IvvyFieldKind.Text));
            Add(new IvvyField("contact", IvvyFieldKind.Contact));
            Add(new IvvyField("company", IvvyFieldKind.Company));
            Add(new IvvyField("customFields", IvvyFieldKind.CustomFields), "customField");
            return fields;
        }

        private static Dictionary<string, IvvyField> BuildNested(params IvvyField[] keys)
        {
            var fields = new Dictionary<string, IvvyField>(StringComparer.Ordinal);
            foreach (var key in keys)
            {
                fields.Add(PropertyKey.Normalize(key.Name), key);
            }

            return fields;
        }
    }
}
