using LeadPS.Mapping;
using Newtonsoft.Json.Linq;
using static LeadPS.Core.Tests.Mapping.TestLeads;

namespace LeadPS.Core.Tests.Mapping
{
    public class CopperCustomFieldTests
    {
        private static JArray CustomFields(params (string Key, object? Value)[] pairs) =>
            (JArray)Body(CopperMapper().MapLead(Of(pairs.Prepend(("name", "x")).ToArray())))["custom_fields"]!;

        private static JToken Value(string key, object? value)
        {
            var fields = CustomFields((key, value));
            return Assert.Single(fields)["value"]!;
        }

        [Fact]
        public void A_top_level_property_named_like_a_definition_is_a_custom_field()
        {
            var fields = CustomFields(("Lead Score", "87.5"));
            Assert.Equal("""[{"custom_field_definition_id":100764,"value":87.5}]""", fields.ToString(Newtonsoft.Json.Formatting.None));
        }

        [Fact]
        public void A_top_level_property_named_by_a_definition_id_is_a_custom_field() =>
            Assert.Equal(2L, (long)Value("100765", "Medium"));

        [Theory]
        [InlineData("High", 1L)]
        [InlineData("high", 1L)]
        [InlineData(" LOW ", 3L)]
        [InlineData("2", 2L)]
        [InlineData(2, 2L)]
        [InlineData(3L, 3L)]
        public void Dropdown_takes_an_option_name_or_id(object given, long optionId) =>
            Assert.Equal(optionId, (long)Value("Priority", given));

        [Fact]
        public void Dropdown_with_an_unknown_option_lists_the_valid_ones()
        {
            var error = Invalid(() => Value("Priority", "Urgent"), "Priority");
            Assert.Equal("The field 'Priority' has no option 'Urgent'; valid options: 'High', 'Medium', 'Low'.", error.Message);
        }

        [Theory]
        [InlineData(99)]
        [InlineData("99")]
        public void Dropdown_with_an_id_that_is_not_an_option_is_refused(object given) =>
            Invalid(() => Value("Priority", given), "Priority");

        [Fact]
        public void Dropdown_refuses_several_values() =>
            Invalid(() => Value("Priority", new[] { "High", "Low" }), "Priority");

        [Theory]
        [InlineData("Golf;Tennis", new[] { 11L, 12L })]
        [InlineData("golf ; chess, go", new[] { 11L, 13L })]
        [InlineData("Tennis", new[] { 12L })]
        [InlineData("12;11", new[] { 12L, 11L })]
        public void MultiSelect_from_a_semicolon_separated_string(string given, long[] ids) =>
            Assert.Equal(ids, ((JArray)Value("Interests", given)).Select(t => (long)t));

        [Fact]
        public void MultiSelect_from_an_array_of_names_and_ids() =>
            Assert.Equal(new[] { 13L, 12L }, ((JArray)Value("Interests", new object[] { "Chess, Go", 12 })).Select(t => (long)t));

        [Fact]
        public void MultiSelect_with_an_unknown_option_is_refused()
        {
            var error = Invalid(() => Value("Interests", "Golf;Polo"), "Interests");
            Assert.Contains("'Polo'", error.Message);
            Assert.Contains("'Golf', 'Tennis', 'Chess, Go'", error.Message);
        }

        [Theory]
        [InlineData("2024-05-01", 1714521600L)]
        [InlineData("2024-05-01T10:00:00+10:00", 1714521600L)]
        [InlineData("1714521600", 1714521600L)]
        [InlineData(1714521600L, 1714521600L)]
        public void Date_becomes_unix_seconds(object given, long seconds) =>
            Assert.Equal(seconds, (long)Value("Renewal Date", given));

        [Fact]
        public void Date_from_datetime_values() =>
            Assert.Equal(1714521600L, (long)Value("Renewal Date", new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero)));

        [Theory]
        [InlineData("Lead Score", "12.75", "12.75")]
        [InlineData("Budget", "250000", "250000")]
        [InlineData("Win Chance", "33.3", "33.3")]
        [InlineData("Lead Score", 7, "7")]
        public void Float_currency_and_percentage_become_numbers(string field, object given, string json) =>
            Assert.Equal(json, Value(field, given).ToString(Newtonsoft.Json.Formatting.None));

        [Theory]
        [InlineData("yes", true)]
        [InlineData("TRUE", true)]
        [InlineData("1", true)]
        [InlineData("no", false)]
        [InlineData(false, false)]
        public void Checkbox_becomes_a_boolean(object given, bool expected) =>
            Assert.Equal(expected, (bool)Value("Is VIP", given));

        [Theory]
        [InlineData("Notes", "Met at the expo — très bien 🎉")]
        [InlineData("Homepage", "https://example.test/ü")]
        [InlineData("Account Code", "AC-0042")]
        public void Text_string_and_url_pass_through(string field, string text) =>
            Assert.Equal(text, (string?)Value(field, text));

        [Fact]
        public void Number_given_to_a_string_field_becomes_text() =>
            Assert.Equal("42", (string?)Value("Account Code", 42));

        [Fact]
        public void A_data_type_leadps_does_not_know_is_sent_as_given() =>
            Assert.Equal(555L, (long)Value("Linked Deal", 555));

        [Fact]
        public void Null_clears_a_custom_field_and_blank_omits_it()
        {
            Assert.Equal(JTokenType.Null, Value("Lead Score", null).Type);
            Assert.Null(Body(CopperMapper().MapLead(Of(("name", "x"), ("Lead Score", ""))))["custom_fields"]);
        }

        [Fact]
        public void Copper_s_own_custom_fields_array_is_accepted()
        {
            var fields = CustomFields(("custom_fields", new object[]
            {
                Table(("custom_field_definition_id", 100765), ("value", "High")),
                Table(("custom_field_definition_id", "100764"), ("value", 3)),
            }));
            Assert.Equal(
                """[{"custom_field_definition_id":100765,"value":1},{"custom_field_definition_id":100764,"value":3}]""",
                fields.ToString(Newtonsoft.Json.Formatting.None));
        }

        [Fact]
        public void Custom_fields_as_a_hashtable_of_names_and_ids()
        {
            var fields = CustomFields(("custom_fields", Table(("Priority", "low"), ("100767", "2024-05-01"))));
            Assert.Equal(2, fields.Count);
            Assert.Contains(fields, f => (long)f["custom_field_definition_id"]! == 100765 && (long)f["value"]! == 3);
            Assert.Contains(fields, f => (long)f["custom_field_definition_id"]! == 100767 && (long)f["value"]! == 1714521600);
        }

        [Fact]
        public void Without_a_schema_custom_fields_by_id_are_sent_as_given()
        {
            var lead = new CopperLeadMapper().MapLead(Of(
                ("name", "x"),
                ("custom_fields", new object[] { Table(("custom_field_definition_id", 1), ("value", "High")) }),
                ("2", new object[] { 11, 12 })));
            Assert.Equal(
                """{"name":"x","custom_fields":[{"custom_field_definition_id":1,"value":"High"},{"custom_field_definition_id":2,"value":[11,12]}]}""",
                lead.Json);
        }

        [Fact]
        public void Without_a_schema_a_custom_field_by_name_in_custom_fields_is_refused() =>
            Invalid(() => new CopperLeadMapper().MapLead(Of(("name", "x"), ("custom_fields", Table(("Priority", "High"))))), "Priority");

        [Fact]
        public void Without_a_schema_a_top_level_custom_field_name_is_just_unknown() =>
            Assert.Equal(new[] { "Lead Score" }, new CopperLeadMapper().MapLead(Of(("name", "x"), ("Lead Score", "5"))).UnknownProperties);

        [Fact]
        public void A_custom_field_not_available_on_leads_is_refused()
        {
            var error = Invalid(() => Value("Person Only", "x"), "Person Only");
            Assert.Contains("not available on leads", error.Message);
        }

        [Fact]
        public void An_unknown_definition_id_is_refused()
        {
            Invalid(() => Value("999", "x"), "999");
            Invalid(() => CustomFields(("custom_fields", new object[] { Table(("custom_field_definition_id", 999), ("value", "x")) })), "999");
        }

        [Fact]
        public void An_unknown_name_inside_custom_fields_is_refused() =>
            Invalid(() => CustomFields(("custom_fields", Table(("Shoe Size", "44")))), "Shoe Size");

        [Fact]
        public void The_same_custom_field_by_name_and_by_id_is_refused()
        {
            var error = Invalid(() => CustomFields(("Priority", "High"), ("100765", "Low")), "Priority");
            Assert.Contains("given twice", error.Message);
            Invalid(() => CustomFields(("Priority", "High"), ("custom_fields", Table(("priority", "Low")))), "Priority");
        }

        [Fact]
        public void Custom_fields_entries_need_an_id_and_a_value()
        {
            Invalid(() => CustomFields(("custom_fields", new object[] { Table(("value", "x")) })), "custom_fields");
            Invalid(() => CustomFields(("custom_fields", new object[] { Table(("custom_field_definition_id", 100764)) })), "custom_fields");
            Invalid(() => CustomFields(("custom_fields", new object[] { "High" })), "custom_fields");
            Invalid(() => CustomFields(("custom_fields", "High")), "custom_fields");
            Invalid(() => CustomFields(("custom_fields", null)), "custom_fields");
        }

        [Fact]
        public void Custom_field_conversion_errors_name_the_definition_and_the_column()
        {
            var error = Invalid(() => Value("lead_score", "high"), "Lead Score");
            Assert.Equal("The field 'Lead Score' (given as 'lead_score') must be a number; 'high' is not.", error.Message);
        }

        [Fact]
        public void A_built_in_field_wins_over_a_custom_field_of_the_same_name()
        {
            var schema = CopperSchema.Parse("""[{"id":1,"name":"Title","data_type":"Float","available_on":["lead"]}]""");
            Assert.Equal("""{"name":"x","title":"CEO"}""", new CopperLeadMapper(schema).MapLead(Of(("name", "x"), ("Title", "CEO"))).Json);
        }
    }
}
