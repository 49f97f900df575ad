using LeadPS.Mapping;
using Newtonsoft.Json.Linq;
using static LeadPS.Core.Tests.Mapping.TestLeads;

namespace LeadPS.Core.Tests.Mapping
{
    public class IvvyLeadMapperTests
    {
        /// <summary>The smallest valid contact lead, plus whatever a test adds.</summary>
        internal static List<KeyValuePair<string, object?>> ContactLead(params (string Key, object? Value)[] extra) =>
            Of(new (string, object?)[] { ("name", "Expo lead"), ("sourceId", 1), ("typeId", 2), ("stageId", 3), ("contactId", 4), ("industryId", 5) }
                .Concat(extra).ToArray());

        [Fact]
        public void A_contact_lead_becomes_compact_ivvy_json()
        {
            var lead = IvvyMapper().MapLead(ContactLead(("description", "Met at the expo")));
            Assert.Equal(
                """{"name":"Expo lead","sourceId":1,"typeId":2,"stageId":3,"contactId":4,"industryId":5,"description":"Met at the expo"}""",
                lead.Json);
            Assert.Equal(LeadPlatform.Ivvy, lead.Platform);
            Assert.Null(lead.Id);
            Assert.Equal("Expo lead", lead.Name);
            Assert.Empty(lead.UnknownProperties);
            Assert.Empty(lead.ReadOnlyProperties);
        }

        [Theory]
        [InlineData("qualityId")]
        [InlineData("industryId")]
        [InlineData("sourceId")]
        [InlineData("companyId")]
        [InlineData("companyLeadContactId")]
        [InlineData("contactId")]
        [InlineData("ownerUserId")]
        [InlineData("typeId")]
        [InlineData("subtypeId")]
        [InlineData("stageId")]
        [InlineData("stageReasonId")]
        [InlineData("channelId")]
        public void Every_id_parameter_takes_whole_number_text(string parameter) =>
            Assert.Equal(9_000_000_000L, (long)Body(IvvyMapper().MapLead(Of(("id", 1), (parameter, "9000000000"))))[parameter]!);

        [Theory]
        [InlineData("SourceId", "sourceId")]
        [InlineData("source_id", "sourceId")]
        [InlineData("SOURCE ID", "sourceId")]
        [InlineData("CompanyLeadContactID", "companyLeadContactId")]
        [InlineData("channel", "channelId")]
        [InlineData("Channel", "channelId")]
        public void Parameter_names_are_normalised_to_ivvy_camel_case(string key, string parameter) =>
            Assert.Equal(7L, (long)Body(IvvyMapper().MapLead(Of(("id", 1), (key, "7"))))[parameter]!);

        [Fact]
        public void An_update_puts_id_first_and_needs_nothing_else_required()
        {
            var lead = IvvyMapper().MapLead(Of(("stageId", "4"), ("Id", "1234")));
            Assert.Equal("""{"id":1234,"stageId":4}""", lead.Json);
            Assert.Equal(1234L, lead.Id);
        }

        [Fact]
        public void The_caller_can_give_the_id_of_the_lead_an_upsert_found()
        {
            var lead = IvvyMapper().MapLead(Of(("name", "x")), leadId: 77);
            Assert.Equal("""{"id":77,"name":"x"}""", lead.Json);
            Invalid(() => IvvyMapper().MapLead(Of(("id", 76), ("name", "x")), leadId: 77), "id");
        }

        [Theory]
        [InlineData("")]
        [InlineData(null)]
        public void An_empty_or_null_id_means_add(string? id) =>
            Invalid(() => IvvyMapper().MapLead(Of(("id", id), ("description", "x"))), "name");

        [Fact]
        public void An_update_with_nothing_else_is_refused_with_the_unknown_names()
        {
            var error = Invalid(() => IvvyMapper().MapLead(Of(("id", 5), ("Colour", "red"), ("description", ""))), null);
            Assert.Contains("Nothing to update on iVvy lead 5", error.Message);
            Assert.Contains("'Colour'", error.Message);
        }

        [Fact]
        public void Null_is_sent_as_null_and_blank_is_omitted()
        {
            var lead = IvvyMapper().MapLead(Of(("id", 5), ("description", null), ("stageReasonId", " ")));
            Assert.Equal("""{"id":5,"description":""}""", lead.Json);
        }

        [Fact]
        public void Null_clears_what_ivvy_can_clear_and_names_every_field_it_cannot()
        {
            var error = Invalid(() => IvvyMapper().MapLead(Of(("id", 5), ("name", null), ("ownerUserId", null), ("description", null))), "name");
            Assert.Equal(new[] { "name", "ownerUserId" }, error.InvalidFields);
            Assert.Contains("iVvy cannot clear 'ownerUserId'", error.Message);
        }

        [Fact]
        public void Null_on_an_add_is_left_out_there_is_nothing_to_clear()
        {
            var lead = IvvyMapper().MapLead(ContactLead(("ownerUserId", null), ("description", null), ("customFields", Table(("12", null)))));
            Assert.DoesNotContain("ownerUserId", lead.Json);
            Assert.DoesNotContain("description", lead.Json);
            Assert.DoesNotContain("customFields", lead.Json);
        }

        [Fact]
        public void Empty_value_clear_turns_a_blank_cell_into_a_clear()
        {
            var clearing = new IvvyLeadMapper(null, new LeadMappingOptions(null, LeadEmptyValue.Clear));
            Assert.Equal("""{"id":5,"description":"","customFields":[{"fieldId":12,"fieldValue":""}]}""", clearing.MapLead(Of(("id", 5), ("description", " "), ("customFields.12", ""))).Json);
            Assert.Equal("""{"id":5,"description":"x"}""", IvvyMapper().MapLead(Of(("id", 5), ("description", "x"), ("customFields.12", ""))).Json);
        }

        [Fact]
        public void A_nested_contact_keeps_known_keys_in_ivvy_spelling_and_passes_others()
        {
            var lead = IvvyMapper().MapLead(ContactLead(("contact", Table(("FirstName", "Zoë"), ("last_name", "Ñúñez"), ("EMAIL", " zoe@example.test "), ("Phone", 61299990000L), ("mobile", "0400 000 000")))));
            var contact = (JObject)Body(lead)["contact"]!;
            Assert.Equal("Zoë", (string?)contact["firstName"]);
            Assert.Equal("Ñúñez", (string?)contact["lastName"]);
            Assert.Equal("zoe@example.test", (string?)contact["email"]);
            Assert.Equal("61299990000", (string?)contact["phone"]);
            Assert.Equal("0400 000 000", (string?)contact["mobile"]);
            Assert.Empty(lead.UnknownProperties);
        }

        [Fact]
        public void Dotted_columns_fill_the_nested_contact_and_company()
        {
            var lead = IvvyMapper().MapLead(Of(
                ("id", 9),
                ("contact.firstName", "Ann"),
                ("Contact.Email", "ann@example.test"),
                ("company.name", "Acme Pty Ltd"),
                ("company.abn", "51 824 753 556")));
            Assert.Equal(
                """{"id":9,"contact":{"firstName":"Ann","email":"ann@example.test"},"company":{"name":"Acme Pty Ltd","abn":"51 824 753 556"}}""",
                lead.Json);
        }

        [Fact]
        public void Dotted_columns_merge_with_a_nested_object() =>
            Assert.Equal(
                """{"id":9,"contact":{"firstName":"Ann","lastName":"Lee"}}""",
                IvvyMapper().MapLead(Of(("id", 9), ("contact", Table(("firstName", "Ann"))), ("contact.lastName", "Lee"))).Json);

        [Fact]
        public void The_same_nested_key_twice_is_refused()
        {
            Invalid(() => IvvyMapper().MapLead(Of(("id", 9), ("contact", Table(("email", "a@b.test"))), ("contact.Email", "c@d.test"))), "contact.email");
            Invalid(() => IvvyMapper().MapLead(Of(("id", 9), ("contact", Record(("firstName", "A"), ("FirstName", "B"))))), "contact.firstName");
        }

        [Fact]
        public void A_nested_object_cannot_be_null_and_filled_at_once()
        {
            Invalid(() => IvvyMapper().MapLead(Of(("id", 9), ("contact.firstName", "Ann"), ("contact", null))), "contact");
            Invalid(() => IvvyMapper().MapLead(Of(("id", 9), ("contact", null), ("contact.firstName", "Ann"))), "contact");
        }

        [Fact]
        public void Nested_ids_and_emails_are_validated()
        {
            Invalid(() => IvvyMapper().MapLead(Of(("id", 9), ("company", Table(("id", "abc"))))), "company.id");
            Invalid(() => IvvyMapper().MapLead(Of(("id", 9), ("contact.email", "nope"))), "contact.email");
        }

        [Fact]
        public void Custom_fields_from_ivvy_s_own_list()
        {
            var lead = IvvyMapper().MapLead(Of(("id", 9), ("customFields", new object[]
            {
                Table(("fieldId", "12"), ("fieldValue", "Gold")),
                Table(("FieldId", 13), ("FieldValue", 4.5)),
                Table(("fieldId", "cf_budget"), ("fieldValue", null)),
            })));
            Assert.Equal(
                """{"id":9,"customFields":[{"fieldId":12,"fieldValue":"Gold"},{"fieldId":13,"fieldValue":4.5},{"fieldId":"cf_budget","fieldValue":""}]}""",
                lead.Json);
        }

        [Fact]
        public void Custom_fields_from_a_hashtable_dotted_columns_and_set_lead_s_custom_field_parameter()
        {
            var ordered = new System.Collections.Specialized.OrderedDictionary { { 12, "Gold" }, { "13", true } };
            Assert.Equal(
                """{"id":9,"customFields":[{"fieldId":12,"fieldValue":"Gold"},{"fieldId":13,"fieldValue":true},{"fieldId":14,"fieldValue":"x"}]}""",
                IvvyMapper().MapLead(Of(("id", 9), ("CustomField", ordered), ("customFields.14", "x"))).Json);
        }

        [Fact]
        public void Custom_field_entries_are_checked()
        {
            Invalid(() => IvvyMapper().MapLead(Of(("id", 9), ("customFields", new object[] { Table(("fieldValue", "x")) }))), "customFields");
            Invalid(() => IvvyMapper().MapLead(Of(("id", 9), ("customFields", new object[] { Table(("fieldId", 1)) }))), "customFields");
            Invalid(() => IvvyMapper().MapLead(Of(("id", 9), ("customFields", new object[] { Table(("fieldId", "4.5"), ("fieldValue", "x")) }))), "customFields.fieldId");
            Invalid(() => IvvyMapper().MapLead(Of(("id", 9), ("customFields", "x"))), "customFields");
            Invalid(() => IvvyMapper().MapLead(Of(("id", 9), ("customFields", Table(("12", "a"))), ("customFields.12", "b"))), "customFields.12");
        }

        [Fact]
        public void Unknown_custom_field_entry_keys_are_reported() =>
            Assert.Equal(
                new[] { "customFields.label" },
                IvvyMapper().MapLead(Of(("id", 9), ("customFields", new object[] { Table(("fieldId", 1), ("fieldValue", "x"), ("label", "Tier")) }))).UnknownProperties);

        [Fact]
        public void Unknown_properties_are_reported_and_ignored_ones_are_not()
        {
            var lead = IvvyMapper(new[] { "Platform", "Outcome" }).MapLead(ContactLead(("Platform", "Ivvy"), ("outcome", "Created"), ("Budget", "1000"), ("email", "a@b.test"), ("address.city", "Sydney")));
            Assert.Equal(new[] { "Budget", "email", "address.city" }, lead.UnknownProperties);
            Assert.DoesNotContain("Budget", lead.Json);
        }

        [Fact]
        public void Copper_only_fields_are_unknown_to_ivvy() =>
            Assert.Equal(new[] { "tags", "monetary_value" }, IvvyMapper().MapLead(Of(("id", 1), ("name", "x"), ("tags", "a"), ("monetary_value", 5))).UnknownProperties);

        [Fact]
        public void Unicode_and_huge_text_pass_through()
        {
            var description = string.Concat(Enumerable.Repeat("Zoë 张伟 🎉 ", 100_000));
            var lead = IvvyMapper().MapLead(Of(("id", 1), ("name", "Ελένη — 🚀"), ("description", description)));
            Assert.Equal("Ελένη — 🚀", lead.Name);
            Assert.Equal(description.Trim(), (string?)Body(lead)["description"]);
        }

        [Fact]
        public void The_same_parameter_in_two_casings_is_refused()
        {
            var error = Invalid(() => IvvyMapper().MapLead(Of(("id", 1), ("sourceId", 1), ("SourceID", 2))), "sourceId");
            Assert.Equal("The field 'sourceId' is given twice ('sourceId' and 'SourceID'); give it once.", error.Message);
            Invalid(() => IvvyMapper().MapLead(Of(("id", 1), ("channel", 1), ("channelId", 2))), "channelId");
            Invalid(() => IvvyMapper().MapLead(Of(("id", 1), ("Id", 2))), "id");
        }

        [Theory]
        [InlineData("name")]
        [InlineData("description")]
        public void Text_with_nul_is_refused(string field) =>
            Invalid(() => IvvyMapper().MapLead(Of(("id", 1), (field, "a\0b"))), field);

        [Fact]
        public void Own_match_values()
        {
            var input = ContactLead(("contact", Table(("email", "a@b.test"))), ("customFields.12", "Gold"), ("company.name", "Acme"));
            Assert.Equal("Expo lead", IvvyMapper().GetOwnMatchValue(input, "name"));
            Assert.Equal("a@b.test", IvvyMapper().GetOwnMatchValue(input, "Email"));
            Assert.Equal("a@b.test", IvvyMapper().GetOwnMatchValue(input, "contact.email"));
            Assert.Equal(4L, IvvyMapper().GetOwnMatchValue(input, "ContactId"));
            Assert.Equal("Gold", IvvyMapper().GetOwnMatchValue(input, "12"));
            Assert.Equal("Gold", IvvyMapper().GetOwnMatchValue(input, "customFields.12"));
            Assert.Equal("Acme", IvvyMapper().GetOwnMatchValue(input, "company.name"));
            Assert.Equal(3L, IvvyMapper().GetOwnMatchValue(Of(("id", 3)), "id"));
        }

        [Theory]
        [InlineData("email", "contact.email")]
        [InlineData("name", "name")]
        [InlineData("contactId", "contactId")]
        [InlineData("12", "customFields.12")]
        [InlineData("contact.phone", "contact.phone")]
        public void Own_match_value_missing_names_the_field(string matchField, string fieldName) =>
            Assert.Contains("no value for the match field", Invalid(() => IvvyMapper().GetOwnMatchValue(Of(("description", "x")), matchField), fieldName).Message);

        [Fact]
        public void Is_company_lead()
        {
            Assert.True(IvvyMapper().IsCompanyLead(Of(("companyId", 1), ("contactId", 2))));
            Assert.True(IvvyMapper().IsCompanyLead(Of(("company.name", "Acme"))));
            Assert.False(IvvyMapper().IsCompanyLead(Of(("contactId", 2))));
        }
    }
}
