using System;
using System.Globalization;
using System.Linq;
using LeadPS.Mapping;
using Newtonsoft.Json.Linq;

namespace LeadPS.Ivvy
{
    /// <summary>
    /// A field leads are matched on (an upsert's -MatchField, Get-Lead's -Id, -Name, -Email): how to
    /// read it from a listed lead, how values compare, and which getLeadList filter key asks iVvy for it.
    /// </summary>
    internal sealed class IvvyMatchField
    {
        private readonly string _path;

        public IvvyMatchField(string field)
        {
            Field = (field ?? throw new ArgumentNullException(nameof(field))).Trim();
            FilterKey = FilterKeyOf(Field);

            // A parameter given by an alias or in another case ('Source Id') is read by its own name.
            _path = FilterKey != null && !IsEmail(Field) ? FilterKey : Field;
        }

        public static IvvyMatchField Id { get; } = new IvvyMatchField("id");

        public static IvvyMatchField Name { get; } = new IvvyMatchField("name");

        public static IvvyMatchField Email { get; } = new IvvyMatchField("email");

        public string Field { get; }

        /// <summary>
        /// The getLeadList filter key for this field, or null when there is none to try (a custom
        /// field, a nested value). iVvy does not document which keys it honours: every answer is verified.
        /// </summary>
        public string? FilterKey { get; }

        /// <summary>Compares match values the way people mean them: trimmed, case-insensitive, numbers by value (the rule Copper's upserts use too).</summary>
        public static string? Key(object? value) => MatchKey.Of(value);

        /// <summary>The lead's match key for this field (see <see cref="Key"/>).</summary>
        public string? KeyOf(JObject lead) => Key(ValueOf(lead));

        /// <summary>
        /// The lead's value for the field: <c>name</c>, <c>email</c> (its contact's), any top-level
        /// parameter (<c>contactId</c>), a nested one (<c>contact.phone</c>), or a custom field by id
        /// (<c>12</c> or <c>customFields.12</c>).
        /// </summary>
        public JToken? ValueOf(JObject lead)
        {
            if (IsEmail(Field))
            {
                return (lead["contact"] as JObject)?.GetValue("email", StringComparison.OrdinalIgnoreCase);
            }

            var customId = CustomFieldId(Field);
            if (customId != null)
            {
                return (lead.GetValue("customFields", StringComparison.OrdinalIgnoreCase) as JArray)?
                    .OfType<JObject>()
                    .FirstOrDefault(f => string.Equals(f["fieldId"]?.ToString(), customId, StringComparison.Ordinal))?["fieldValue"];
            }

            JToken? current = lead;
            foreach (var part in _path.Split('.'))
            {
                current = (current as JObject)?.GetValue(part, StringComparison.OrdinalIgnoreCase);
            }

            return current;
        }

        public override string ToString() => Field;

        private static bool IsEmail(string field) => field.Equals("email", StringComparison.OrdinalIgnoreCase);

        private static string? CustomFieldId(string field)
        {
            var id = field.StartsWith("customFields.", StringComparison.OrdinalIgnoreCase) ? field.Substring("customFields.".Length) : field;
            return id.Length > 0 && id.All(char.IsDigit) ? id : null;
        }

        // The contact's e-mail is asked as 'contactEmail' (the key the Sandbox documents); a top-level
        // scalar parameter by its own name; anything else is only matched locally.
        private static string? FilterKeyOf(string field)
        {
            if (IsEmail(field))
            {
                return "contactEmail";
            }

            if (CustomFieldId(field) == null && IvvyFieldCatalog.TryGet(field, out var parameter))
            {
                switch (parameter.Kind)
                {
                    case IvvyFieldKind.LeadId:
                    case IvvyFieldKind.Id:
                    case IvvyFieldKind.Text:
                        return parameter.Name;
                }
            }

            return null;
        }
    }
}
