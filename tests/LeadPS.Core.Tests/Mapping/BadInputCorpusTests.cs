using LeadPS.Mapping;
using static LeadPS.Core.Tests.Mapping.TestLeads;

namespace LeadPS.Core.Tests.Mapping
{
    /// <summary>
    /// Inputs that must fail before any request: each raises a <see cref="LeadValidationException"/>
    /// of kind Invalid for the right platform, naming the field in FieldName and in its message.
    /// </summary>
    public class BadInputCorpusTests
    {
        private static readonly (string, object?)[] IvvyContactLead =
        {
            ("name", "Lead"), ("sourceId", 1), ("typeId", 2), ("stageId", 3), ("contactId", 4), ("industryId", 5),
        };

        private static readonly Dictionary<string, (LeadPlatform Platform, string? Field, Action Map)> Cases = new()
        {
            // Copper: built-in fields
            ["copper-create-without-name"] = Copper(null, "name", ("email", "a@b.test")),
            ["copper-name-null-on-create"] = Copper(null, "name", ("name", null)),
            ["copper-name-is-an-array"] = Copper(null, "name", ("name", new[] { "a", "b" })),
            ["copper-name-is-an-object"] = Copper(null, "name", ("name", Table(("first", "a")))),
            ["copper-name-with-nul"] = Copper(null, "name", ("name", "Bob\0")),
            ["copper-details-with-nul"] = Copper(null, "details", ("name", "x"), ("details", "a\0b")),
            ["copper-monetary-value-text"] = Copper(null, "monetary_value", ("name", "x"), ("monetary_value", "abc")),
            ["copper-monetary-value-comma-decimal"] = Copper(null, "monetary_value", ("name", "x"), ("monetary_value", "1,5")),
            ["copper-monetary-value-nan"] = Copper(null, "monetary_value", ("name", "x"), ("monetary_value", double.NaN)),
            ["copper-monetary-value-bool"] = Copper(null, "monetary_value", ("name", "x"), ("monetary_value", true)),
            ["copper-status-id-fraction"] = Copper(null, "status_id", ("name", "x"), ("status_id", "4.5")),
            ["copper-assignee-id-negative"] = Copper(null, "assignee_id", ("name", "x"), ("assignee_id", -3)),
            ["copper-source-id-zero-via-alias"] = Copper(null, "customer_source_id", ("name", "x"), ("SourceId", "0")),
            ["copper-id-text"] = Copper(null, "id", ("id", "abc"), ("name", "x")),
            ["copper-id-disagrees-with-caller"] = Copper(7, "id", ("id", 8), ("name", "x")),
            ["copper-email-not-an-address"] = Copper(null, "email", ("name", "x"), ("email", "bob")),
            ["copper-email-two-addresses"] = Copper(null, "email", ("name", "x"), ("email", new[] { "a@b.test", "c@d.test" })),
            ["copper-email-object-without-address"] = Copper(null, "email.email", ("name", "x"), ("email", Table(("category", "work")))),
            ["copper-email-object-bad-address"] = Copper(null, "email.email", ("name", "x"), ("email", Table(("email", "nope")))),
            ["copper-email-bad-category"] = Copper(null, "email.category", ("name", "x"), ("email", Table(("email", "a@b.test"), ("category", "home")))),
            ["copper-email-is-a-number"] = Copper(null, "email", ("name", "x"), ("email", 42)),
            ["copper-phone-without-digits"] = Copper(null, "phone_numbers", ("name", "x"), ("phone", "call me")),
            ["copper-phone-bad-category"] = Copper(null, "phone_numbers.category", ("name", "x"), ("phone_numbers", new object[] { Table(("number", "555"), ("category", "fax")) })),
            ["copper-phone-object-without-number"] = Copper(null, "phone_numbers.number", ("name", "x"), ("phone_numbers", new object[] { Table(("category", "work")) })),
            ["copper-website-bad-category"] = Copper(null, "websites.category", ("name", "x"), ("websites", new object[] { Table(("url", "https://a.test"), ("category", "blog")) })),
            ["copper-address-is-a-number"] = Copper(null, "address", ("name", "x"), ("address", 42)),
            ["copper-address-part-is-an-array"] = Copper(null, "address.city", ("name", "x"), ("city", new[] { "a" })),
            ["copper-address-whole-and-parts"] = Copper(null, "address", ("name", "x"), ("street", "1 A St"), ("address", Table(("city", "B")))),
            ["copper-tags-object"] = Copper(null, "tags", ("name", "x"), ("tags", Table(("a", 1)))),
            ["copper-duplicate-casing"] = Copper(null, "name", ("name", "x"), ("NAME", "y")),
            ["copper-duplicate-alias"] = Copper(null, "company_name", ("name", "x"), ("company", "A"), ("company_name", "B")),
            ["copper-duplicate-unknown"] = Copper(null, "shoe size", ("name", "x"), ("Shoe Size", "1"), ("shoe size", "2")),
            ["copper-update-with-nothing"] = Copper(5, null, ("Shoe Size", "44")),

            // Copper: custom fields
            ["copper-custom-float-text"] = Copper(null, "Lead Score", ("name", "x"), ("Lead Score", "high")),
            ["copper-custom-currency-comma"] = Copper(null, "Budget", ("name", "x"), ("Budget", "1.000,00")),
            ["copper-custom-dropdown-unknown-option"] = Copper(null, "Priority", ("name", "x"), ("Priority", "Urgent")),
            ["copper-custom-dropdown-unknown-id"] = Copper(null, "Priority", ("name", "x"), ("Priority", 99)),
            ["copper-custom-multiselect-unknown-option"] = Copper(null, "Interests", ("name", "x"), ("Interests", "Golf;Polo")),
            ["copper-custom-date-dd-mm-yyyy"] = Copper(null, "Renewal Date", ("name", "x"), ("Renewal Date", "31/05/2024")),
            ["copper-custom-date-milliseconds"] = Copper(null, "Renewal Date", ("name", "x"), ("Renewal Date", 1714521600000L)),
            ["copper-custom-checkbox-maybe"] = Copper(null, "Is VIP", ("name", "x"), ("Is VIP", "maybe")),
            ["copper-custom-not-on-leads"] = Copper(null, "Person Only", ("name", "x"), ("Person Only", "x")),
            ["copper-custom-unknown-id"] = Copper(null, "424242", ("name", "x"), ("424242", "x")),
            ["copper-custom-fields-unknown-name"] = Copper(null, "Shoe Size", ("name", "x"), ("custom_fields", Table(("Shoe Size", "44")))),
            ["copper-custom-fields-scalar"] = Copper(null, "custom_fields", ("name", "x"), ("custom_fields", "Priority=High")),
            ["copper-custom-fields-entry-without-id"] = Copper(null, "custom_fields", ("name", "x"), ("custom_fields", new object[] { Table(("value", 1)) })),
            ["copper-custom-fields-entry-bad-id"] = Copper(null, "custom_fields.custom_field_definition_id", ("name", "x"), ("custom_fields", new object[] { Table(("custom_field_definition_id", "x1"), ("value", 1)) })),
            ["copper-custom-same-field-twice"] = Copper(null, "Priority", ("name", "x"), ("Priority", "High"), ("100765", "Low")),
            ["copper-custom-text-with-nul"] = Copper(null, "Notes", ("name", "x"), ("Notes", "a\0")),

            // Copper: upsert match
            ["copper-match-unknown-custom-field"] = Match("Shoe Size", "44", "Shoe Size"),
            ["copper-match-not-filterable"] = Match("Interests", "Golf", "Interests"),
            ["copper-match-not-on-leads"] = Match("Person Only", "x", "Person Only"),
            ["copper-match-bad-email"] = Match("email", "bob", "email"),
            ["copper-match-empty-value"] = Match("name", "", "name"),
            ["copper-match-value-bad-option"] = Match("Priority", "Urgent", "Priority"),
            ["copper-own-match-value-missing"] = (LeadPlatform.Copper, "email", () => CopperMapper().MapUpsert(Of(("name", "x")), "email")),

            // iVvy: ids
            ["ivvy-source-id-fraction"] = Ivvy(null, "sourceId", ("sourceId", "4.5")),
            ["ivvy-type-id-text"] = Ivvy(null, "typeId", ("typeId", "abc")),
            ["ivvy-stage-id-zero"] = Ivvy(null, "stageId", ("stageId", "0")),
            ["ivvy-contact-id-negative"] = Ivvy(null, "contactId", ("contactId", -4)),
            ["ivvy-industry-id-beyond-int64"] = Ivvy(null, "industryId", ("industryId", "9223372036854775808")),
            ["ivvy-quality-id-double-fraction"] = Ivvy(null, "qualityId", ("qualityId", 2.5d)),
            ["ivvy-owner-user-id-bool"] = Ivvy(null, "ownerUserId", ("ownerUserId", true)),
            ["ivvy-channel-alias-text"] = Ivvy(null, "channelId", ("channel", "web")),
            ["ivvy-id-text"] = Ivvy(null, "id", ("id", "new"), ("name", "x")),
            ["ivvy-id-disagrees-with-caller"] = Ivvy(3, "id", ("id", 4), ("name", "x")),
            ["ivvy-name-array"] = Ivvy(null, "name", ("name", new[] { "a" })),
            ["ivvy-description-with-nul"] = Ivvy(null, "description", ("description", "\0")),
            ["ivvy-duplicate-casing"] = Ivvy(null, "stageId", ("stageId", 1), ("STAGEID", 2)),
            ["ivvy-duplicate-nested-and-dotted"] = Ivvy(null, "contact.email", ("contact", Table(("email", "a@b.test"))), ("contact.email", "c@d.test")),

            // iVvy: nested objects and custom fields
            ["ivvy-contact-is-a-string"] = Ivvy(null, "contact", ("contact", "Ann Lee")),
            ["ivvy-contact-bad-email"] = Ivvy(null, "contact.email", ("contact.email", "ann")),
            ["ivvy-contact-id-text"] = Ivvy(null, "contact.id", ("contact", Table(("id", "x")))),
            ["ivvy-company-id-fraction"] = Ivvy(null, "company.id", ("company.id", "1.5")),
            ["ivvy-contact-null-and-values"] = Ivvy(null, "contact", ("contact", null), ("contact.firstName", "Ann")),
            ["ivvy-custom-fields-scalar"] = Ivvy(null, "customFields", ("customFields", "12=Gold")),
            ["ivvy-custom-fields-entry-without-value"] = Ivvy(null, "customFields", ("customFields", new object[] { Table(("fieldId", 12)) })),
            ["ivvy-custom-fields-entry-without-id"] = Ivvy(null, "customFields", ("customFields", new object[] { Table(("fieldValue", "x")) })),
            ["ivvy-custom-field-id-fraction"] = Ivvy(null, "customFields.fieldId", ("customFields", Table(("4.5", "x")))),
            ["ivvy-custom-field-id-zero"] = Ivvy(null, "customFields.fieldId", ("customFields.0", "x")),
            ["ivvy-custom-field-twice"] = Ivvy(null, "customFields.12", ("customFields", Table(("12", "a"))), ("customFields.12", "b")),
            ["ivvy-custom-field-value-with-nul"] = Ivvy(null, "customFields.12", ("customFields.12", "a\0")),

            // iVvy: required-when rules and updates
            ["ivvy-add-without-name"] = IvvyAdd("name", "name"),
            ["ivvy-add-without-source"] = IvvyAdd("sourceId", "sourceId"),
            ["ivvy-add-without-type"] = IvvyAdd("typeId", "typeId"),
            ["ivvy-add-without-stage"] = IvvyAdd("stageId", "stageId"),
            ["ivvy-add-contact-lead-without-contact"] = IvvyAdd("contactId", "contactId"),
            ["ivvy-add-contact-lead-without-industry"] = IvvyAdd("industryId", "industryId"),
            ["ivvy-add-new-contact-without-last-name"] = (LeadPlatform.Ivvy, "contact.lastName", () => IvvyMapper().MapLead(Of(IvvyContactLead.Where(p => p.Item1 != "contactId").Append(("contact", Table(("firstName", "A"), ("email", "a@b.test")))).ToArray()))),
            ["ivvy-add-company-lead-without-lead-contact"] = (LeadPlatform.Ivvy, "companyLeadContactId", () => IvvyMapper().MapLead(Of(IvvyContactLead.Append(("companyId", 9)).ToArray()))),
            ["ivvy-add-company-lead-empty-company"] = (LeadPlatform.Ivvy, "companyId", () => IvvyMapper().MapLead(Of(IvvyContactLead.Append(("company", Table(("name", "")))).Append(("companyLeadContactId", 8)).ToArray()))),
            ["ivvy-update-with-nothing"] = (LeadPlatform.Ivvy, null, () => IvvyMapper().MapLead(Of(("id", 5), ("Shoe Size", "44")))),
            ["ivvy-own-match-value-missing"] = (LeadPlatform.Ivvy, "contact.email", () => IvvyMapper().GetOwnMatchValue(Of(("name", "x")), "email")),
        };

        public static TheoryData<string> CaseNames()
        {
            var data = new TheoryData<string>();
            foreach (var name in Cases.Keys)
            {
                data.Add(name);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(CaseNames))]
        public void Bad_input_is_refused_naming_its_field(string name)
        {
            var (platform, field, map) = Cases[name];

            var error = Assert.Throws<LeadValidationException>(map);

            Assert.Equal(field, error.FieldName);
            Assert.Equal(LeadErrorKind.Invalid, error.ErrorKind);
            Assert.Equal(platform, error.Platform);
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            if (field != null)
            {
                Assert.Contains("'" + field.Split('.')[0], error.Message);
            }
        }

        [Fact]
        public void The_corpus_is_large_and_covers_both_platforms()
        {
            Assert.True(Cases.Count >= 40, Cases.Count + " cases");
            Assert.True(Cases.Values.Count(c => c.Platform == LeadPlatform.Copper) >= 20);
            Assert.True(Cases.Values.Count(c => c.Platform == LeadPlatform.Ivvy) >= 20);
        }

        private static (LeadPlatform, string?, Action) Copper(long? id, string? field, params (string, object?)[] pairs) =>
            (LeadPlatform.Copper, field, () => CopperMapper().MapLead(Of(pairs), id));

        private static (LeadPlatform, string?, Action) Match(string matchField, object? value, string field) =>
            (LeadPlatform.Copper, field, () => CopperMapper().MapUpsert(Of(("name", "x")), matchField, value));

        /// <summary>An iVvy update (id 1) carrying the bad value, so required-field rules stay out of the way.</summary>
        private static (LeadPlatform, string?, Action) Ivvy(long? id, string? field, params (string, object?)[] pairs) =>
            (LeadPlatform.Ivvy, field, () => IvvyMapper().MapLead(Of(pairs), id ?? (pairs.Any(p => p.Item1 == "id") ? null : 1)));

        private static (LeadPlatform, string?, Action) IvvyAdd(string without, string field) =>
            (LeadPlatform.Ivvy, field, () => IvvyMapper().MapLead(Of(IvvyContactLead.Where(p => p.Item1 != without).ToArray())));
    }
}
