using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LeadPS.Mapping
{
    /// <summary>
    /// Turns a lead as a PowerShell user gives it (hashtable, CSV row, LeadPS output, Set-Lead's
    /// typed parameters) into the body of iVvy's <c>contact?action=addOrUpdateLead</c>.
    /// Immutable and safe to share across threads.
    /// </summary>
    public sealed class IvvyLeadMapper
    {
        private readonly HashSet<string> _ignored;
        private readonly LeadMappingOptions _options;
        private readonly LeadValueConverter _converter;
        private readonly IvvyLeadReader _reader;
        private readonly IvvyLeadRules _rules;

        /// <param name="ignoredProperties">Property names to skip without a word (e.g. LeadPS's own Platform, Outcome, Input).</param>
        /// <param name="options">The culture for numbers and dates, and what a blank value means; invariant and skip by default.</param>
        public IvvyLeadMapper(IEnumerable<string>? ignoredProperties = null, LeadMappingOptions? options = null)
        {
            _ignored = PropertyListReader.IgnoreSet(ignoredProperties);
            _options = options ?? LeadMappingOptions.Default;
            _converter = new LeadValueConverter(LeadPlatform.Ivvy, _options.Culture);
            _reader = new IvvyLeadReader(_converter);
            _rules = new IvvyLeadRules(_converter);
        }

        /// <summary>
        /// The addOrUpdateLead body. With an id (from the input or <paramref name="leadId"/>, e.g. the
        /// lead an upsert found) it updates and needs one more field; without one it adds and the
        /// required-when rules apply.
        /// </summary>
        /// <exception cref="LeadValidationException">A field is missing or cannot be converted; FieldName names it.</exception>
        public MappedLead MapLead(IEnumerable<KeyValuePair<string, object?>> input, long? leadId = null)
        {
            var reading = Read(input);
            if (reading.Id != null && leadId != null && reading.Id != leadId)
            {
                throw _converter.Invalid(
                    new FieldRef("id"),
                    "The lead's 'id' (" + reading.Id.Value.ToString(CultureInfo.InvariantCulture) + ") differs from the id given for it (" + leadId.Value.ToString(CultureInfo.InvariantCulture) + ").");
            }

            var id = leadId ?? reading.Id;
            _rules.ApplyClears(reading, id);
            try
            {
                _rules.Check(reading, id);
            }
            catch (LeadValidationException ex) when (reading.Errors.Any)
            {
                reading.Errors.AddUnlessReported(ex);
            }

            reading.Errors.ThrowIfAny(LeadPlatform.Ivvy);
            return new MappedLead(LeadPlatform.Ivvy, reading.BuildBody(id), id, reading.Name, reading.Unknown.ToList(), System.Array.Empty<string>());
        }

        /// <summary>True when the input makes a company lead (companyId or company given, even with contactId).</summary>
        public bool IsCompanyLead(IEnumerable<KeyValuePair<string, object?>> input) => IvvyLeadRules.IsCompanyLead(Read(input));

        /// <summary>
        /// A CSV row carries the contact's e-mail as a flat 'email' column. iVvy has no such lead
        /// field (it is reported, not sent), but it is the value a row means to match on.
        /// </summary>
        private static JToken? FlatEmail(IEnumerable<KeyValuePair<string, object?>> input)
        {
            var email = input.FirstOrDefault(p => PropertyKey.Normalize(p.Key) == "email").Value;
            return email is string text && !string.IsNullOrWhiteSpace(text) ? new JValue(text.Trim()) : null;
        }

        /// <summary>
        /// The input's own value for a match field, so -MatchValue can default to it: <c>name</c>,
        /// <c>email</c> (the nested contact's), any other parameter (<c>contactId</c>, <c>contact.phone</c>, ...)
        /// or a custom field by its fieldId (<c>12</c> or <c>customFields.12</c>).
        /// </summary>
        /// <exception cref="LeadValidationException">The input has no such value, or a field is invalid; FieldName names the field.</exception>
        public object GetOwnMatchValue(IEnumerable<KeyValuePair<string, object?>> input, string matchField)
        {
            var pairs = input as IReadOnlyCollection<KeyValuePair<string, object?>> ?? input.ToList();
            var reading = Read(pairs);
            reading.Errors.ThrowIfAny(LeadPlatform.Ivvy);
            var key = (matchField ?? string.Empty).Trim();
            var field = new FieldRef(key, key);
            JToken? token;
            if (PropertyKey.Normalize(key) == "email")
            {
                field = new FieldRef("contact.email", key);
                token = (reading.Fields["contact"] as JObject)?["email"] ?? FlatEmail(pairs);
            }
            else if (PropertyKey.Normalize(key) == "id")
            {
                token = reading.Id == null ? null : new JValue(reading.Id.Value);
            }
            else if (IvvyFieldCatalog.TryGet(key, out var parameter))
            {
                field = new FieldRef(parameter.Name, key);
                token = reading.Fields[parameter.Name];
            }
            else
            {
                token = FindDotted(reading, key, ref field);
            }

            return JsonPlainValue.From(token) ?? throw _converter.Invalid(
                field,
                "The lead has no value for the match field " + field.Label + "; give the field in the input or a -MatchValue.");
        }

        private static JToken? FindDotted(IvvyLeadReading reading, string key, ref FieldRef field)
        {
            var dot = key.IndexOf('.');
            var prefix = dot > 0 ? key.Substring(0, dot) : IvvyCustomFieldReader.Name;
            var rest = dot > 0 ? key.Substring(dot + 1) : key;
            if (!IvvyFieldCatalog.TryGet(prefix, out var parent)
                || (parent.Kind != IvvyFieldKind.Contact && parent.Kind != IvvyFieldKind.Company && parent.Kind != IvvyFieldKind.CustomFields))
            {
                return null;
            }

            if (parent.Kind == IvvyFieldKind.CustomFields)
            {
                field = new FieldRef(IvvyCustomFieldReader.Name + "." + rest.Trim(), key);
                return (reading.Fields[IvvyCustomFieldReader.Name] as JArray)?
                    .OfType<JObject>()
                    .FirstOrDefault(e => string.Equals(e["fieldId"]?.ToString(), rest.Trim(), System.StringComparison.OrdinalIgnoreCase))?["fieldValue"];
            }

            var keys = parent.Kind == IvvyFieldKind.Contact ? IvvyFieldCatalog.ContactKeys : IvvyFieldCatalog.CompanyKeys;
            var name = keys.TryGetValue(PropertyKey.Normalize(rest), out var known) ? known.Name : rest.Trim();
            field = new FieldRef(parent.Name + "." + name, key);
            return (reading.Fields[parent.Name] as JObject)?[name];
        }

        private IvvyLeadReading Read(IEnumerable<KeyValuePair<string, object?>> input) =>
            _reader.Read(PropertyListReader.Read(input, _ignored, _options.EmptyValue));
    }
}
