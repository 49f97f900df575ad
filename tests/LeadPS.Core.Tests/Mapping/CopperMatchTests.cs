using LeadPS.Mapping;
using Newtonsoft.Json.Linq;
using static LeadPS.Core.Tests.Mapping.TestLeads;

namespace LeadPS.Core.Tests.Mapping
{
    public class CopperMatchTests
    {
        [Fact]
        public void The_seed_upsert_body_is_reproduced()
        {
            var lead = CopperMapper().MapUpsert(Of(("name", "My Lead"), ("email", "mylead@gmail.test")), "email");

            Assert.Equal(
                """{"properties":{"name":"My Lead","email":{"email":"mylead@gmail.test","category":"work"}},"match":{"field_name":"email","field_value":"mylead@gmail.test"}}""",
                lead.Json);
        }

        [Theory]
        [InlineData("email")]
        [InlineData("Email")]
        [InlineData(" EMAIL ")]
        public void Email_match_names_are_case_insensitive(string matchField) =>
            Assert.Equal("""{"field_name":"email","field_value":"a@b.test"}""", CopperMapper().BuildMatch(matchField, "a@b.test").Json);

        [Fact]
        public void Email_match_value_may_be_an_email_object() =>
            Assert.Equal("a@b.test", CopperMapper().BuildMatch("email", Table(("email", " a@b.test "), ("category", "personal"))).Value);

        [Fact]
        public void Name_match()
        {
            var match = CopperMapper().BuildMatch("name", "Zoë 张");
            Assert.Equal("""{"field_name":"name","field_value":"Zoë 张"}""", match.Json);
            Assert.Equal("name", match.FieldName);
            Assert.Null(match.CustomFieldDefinitionId);
        }

        [Theory]
        [InlineData("Account Code", "AC-1", """{"field_name":"custom","field_value":{"custom_field_definition_id":100773,"value":"AC-1"}}""")]
        [InlineData("100773", "AC-1", """{"field_name":"custom","field_value":{"custom_field_definition_id":100773,"value":"AC-1"}}""")]
        [InlineData("priority", "high", """{"field_name":"custom","field_value":{"custom_field_definition_id":100765,"value":1}}""")]
        [InlineData("Renewal Date", "2024-05-01", """{"field_name":"custom","field_value":{"custom_field_definition_id":100767,"value":1714521600}}""")]
        [InlineData("Lead Score", "4.5", """{"field_name":"custom","field_value":{"custom_field_definition_id":100764,"value":4.5}}""")]
        [InlineData("Is VIP", "yes", """{"field_name":"custom","field_value":{"custom_field_definition_id":100768,"value":true}}""")]
        public void Custom_match_by_name_or_id_converts_the_value(string matchField, string value, string json)
        {
            var match = CopperMapper().BuildMatch(matchField, value);
            Assert.Equal(json, match.Json);
            Assert.Equal("custom", match.FieldName);
            Assert.NotNull(match.CustomFieldDefinitionId);
        }

        [Fact]
        public void Custom_match_display_name_is_the_definition_s_name() =>
            Assert.Equal("Priority", CopperMapper().BuildMatch("100765", "Low").DisplayName);

        [Fact]
        public void Custom_match_on_an_unknown_field_lists_what_can_be_matched()
        {
            var error = Invalid(() => CopperMapper().BuildMatch("Shoe Size", "44"), "Shoe Size");
            Assert.Contains("'email', 'name', 'Lead Score', 'Priority', 'Renewal Date', 'Is VIP', 'Account Code'", error.Message);
        }

        [Fact]
        public void Custom_match_on_a_field_not_on_leads_is_refused() =>
            Assert.Contains("not available on leads", Invalid(() => CopperMapper().BuildMatch("Person Only", "x"), "Person Only").Message);

        [Fact]
        public void Custom_match_on_a_field_that_is_not_filterable_is_refused() =>
            Assert.Contains("not filterable", Invalid(() => CopperMapper().BuildMatch("notes", "x"), "Notes").Message);

        [Fact]
        public void Custom_match_without_a_schema_is_refused() =>
            Invalid(() => new CopperLeadMapper().BuildMatch("Lead Score", "1"), "Lead Score");

        [Theory]
        [InlineData("email", null)]
        [InlineData("email", "")]
        [InlineData("name", "  ")]
        public void A_match_needs_a_value(string field, string? value) =>
            Invalid(() => CopperMapper().BuildMatch(field, value), field);

        [Fact]
        public void A_bad_email_match_value_is_refused() =>
            Invalid(() => CopperMapper().BuildMatch("email", "not an address"), "email");

        [Fact]
        public void A_blank_match_field_is_a_programming_error() =>
            Assert.Throws<ArgumentException>(() => CopperMapper().BuildMatch(" ", "x"));

        [Theory]
        [InlineData("email")]
        [InlineData("Name")]
        public void Built_in_match_fields_need_no_schema(string field) =>
            Assert.True(CopperLeadMapper.IsBuiltInMatchField(field));

        [Fact]
        public void Custom_match_fields_need_the_schema() =>
            Assert.False(CopperLeadMapper.IsBuiltInMatchField("Lead Score"));

        [Fact]
        public void Own_match_value_from_a_plain_email_or_an_email_object()
        {
            Assert.Equal("a@b.test", CopperMapper().GetOwnMatchValue(Of(("email", "a@b.test")), "email"));
            Assert.Equal("a@b.test", CopperMapper().GetOwnMatchValue(Of(("Email", Table(("email", "a@b.test")))), "EMAIL"));
        }

        [Fact]
        public void Own_match_value_for_name() =>
            Assert.Equal("Bob", CopperMapper().GetOwnMatchValue(Of(("Name", "Bob")), "name"));

        [Fact]
        public void Own_match_value_for_a_custom_field_by_name_id_or_custom_fields()
        {
            Assert.Equal(1L, CopperMapper().GetOwnMatchValue(Of(("Priority", "High")), "priority"));
            Assert.Equal(1L, CopperMapper().GetOwnMatchValue(Of(("100765", "High")), "Priority"));
            Assert.Equal(1L, CopperMapper().GetOwnMatchValue(Of(("custom_fields", new object[] { Table(("custom_field_definition_id", 100765), ("value", 1)) })), "100765"));
            Assert.Equal("AC-1", CopperMapper().GetOwnMatchValue(Of(("account_code", "AC-1")), "Account Code"));
        }

        [Theory]
        [InlineData("email", "email")]
        [InlineData("name", "name")]
        [InlineData("Priority", "Priority")]
        public void Own_match_value_missing_names_the_field(string matchField, string fieldName)
        {
            var error = Invalid(() => CopperMapper().GetOwnMatchValue(Of(("title", "CEO")), matchField), fieldName);
            Assert.Contains("no value for the match field", error.Message);
        }

        [Fact]
        public void Own_match_value_of_a_cleared_email_is_missing() =>
            Invalid(() => CopperMapper().GetOwnMatchValue(Of(("email", null)), "email"), "email");

        [Fact]
        public void Upsert_defaults_its_match_value_to_the_input_s_own()
        {
            var body = Body(CopperMapper().MapUpsert(Of(("name", "x"), ("Account Code", "AC-9")), "Account Code"));
            Assert.Equal("""{"field_name":"custom","field_value":{"custom_field_definition_id":100773,"value":"AC-9"}}""", body["match"]!.ToString(Newtonsoft.Json.Formatting.None));
            Assert.Equal("AC-9", (string?)body["properties"]!["custom_fields"]![0]!["value"]);
        }

        [Fact]
        public void Upsert_with_an_explicit_match_value()
        {
            var body = Body(CopperMapper().MapUpsert(Of(("name", "Bob")), "email", "bob@example.test"));
            Assert.Equal("bob@example.test", (string?)body["match"]!["field_value"]);
            Assert.Null(body["properties"]!["email"]);
        }

        [Fact]
        public void Upsert_with_an_explicit_null_match_value_is_refused() =>
            Invalid(() => CopperMapper().MapUpsert(Of(("name", "Bob"), ("email", "a@b.test")), "email", null), "email");

        [Fact]
        public void Upsert_without_the_match_field_in_the_input_is_refused() =>
            Invalid(() => CopperMapper().MapUpsert(Of(("name", "Bob")), "email"), "email");

        [Fact]
        public void Upsert_with_nothing_to_send_is_refused() =>
            Invalid(() => CopperMapper().MapUpsert(Of(("Shoe", "44")), "name", "Bob"), null);

        [Fact]
        public void Upsert_carries_the_input_id_and_name_but_does_not_send_the_id()
        {
            var lead = CopperMapper().MapUpsert(Of(("id", 8), ("name", "Bob"), ("email", "a@b.test")), "email");
            Assert.Equal(8L, lead.Id);
            Assert.Equal("Bob", lead.Name);
            Assert.Null(Body(lead)["properties"]!["id"]);
        }

        [Fact]
        public void The_match_object_is_a_copy()
        {
            var match = CopperMapper().BuildMatch("name", "x");
            match.ToJObject()["field_value"] = "y";
            Assert.Equal("x", (string?)match.ToJObject()["field_value"]);
        }
    }
}
