using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Copper
{
    public sealed class CopperCustomFieldMatchTests
    {
        private const long LeadReference = 100764;   // String, filterable
        private const long Industry = 103481;        // Dropdown, filterable
        private const long Interests = 131208;       // MultiSelect, filterable
        private const long InternalNotes = 131210;   // Text, not filterable
        private const long AccountTier = 131211;     // Dropdown, not on leads

        private readonly CopperTestApi _api = new CopperTestApi();

        private static object Custom(long definitionId, object value) => new { custom_field_definition_id = definitionId, value };

        private long SeedWithCustom(string name, long definitionId, object value) =>
            _api.Emulator.SeedLeadFromJson(new JObject
            {
                ["name"] = name,
                ["custom_fields"] = new JArray(JObject.FromObject(Custom(definitionId, value))),
            }.ToString());

        [Fact]
        public void A_filterable_text_field_matches_ignoring_case_and_updates_the_lead()
        {
            var id = SeedWithCustom("Ref Lead", LeadReference, "REF-001");

            var reply = _api.Upsert(new { title = "Buyer" }, "custom", Custom(LeadReference, "ref-001")).AssertOk();

            Assert.Equal(id, reply.Id);
            Assert.Equal("Buyer", (string?)reply.Json["title"]);
        }

        [Fact]
        public void No_custom_match_creates_a_lead_with_the_given_properties()
        {
            SeedWithCustom("Ref Lead", LeadReference, "REF-001");

            var reply = _api.Upsert(
                new { name = "New Ref", custom_fields = new[] { Custom(LeadReference, "REF-002") } },
                "custom",
                Custom(LeadReference, "REF-002")).AssertOk();

            Assert.Equal(2, _api.Emulator.LeadCount);
            var value = reply.Json["custom_fields"]!.First(f => (long)f["custom_field_definition_id"]! == LeadReference)["value"];
            Assert.Equal("REF-002", (string?)value);
        }

        [Fact]
        public void A_dropdown_field_matches_on_the_option_id()
        {
            var finance = SeedWithCustom("Finance Lead", Industry, 167082);
            SeedWithCustom("Retail Lead", Industry, 167081);

            var reply = _api.Upsert(new { details = "x" }, "custom", Custom(Industry, 167082)).AssertOk();

            Assert.Equal(finance, reply.Id);
        }

        [Fact]
        public void A_multiselect_field_matches_the_same_set_of_options()
        {
            var id = SeedWithCustom("Multi Lead", Interests, new[] { 201001, 201003 });

            Assert.Equal(id, _api.Upsert(new { details = "x" }, "custom", Custom(Interests, new[] { 201003, 201001 })).AssertOk().Id);
            Assert.NotEqual(id, _api.Upsert(new { name = "Other" }, "custom", Custom(Interests, new[] { 201001 })).AssertOk().Id);
        }

        [Fact]
        public void Several_custom_matches_are_a_conflict_listing_the_ids()
        {
            var first = SeedWithCustom("A", LeadReference, "SAME");
            var second = SeedWithCustom("B", LeadReference, "same");

            var message = _api.Upsert(new { name = "C" }, "custom", Custom(LeadReference, "Same")).AssertError(422);

            Assert.Equal($"Multiple leads match the criteria: {first}, {second}", message);
        }

        [Fact]
        public void A_field_that_is_not_filterable_cannot_be_matched()
        {
            SeedWithCustom("Noted", InternalNotes, "note");

            var message = _api.Upsert(new { name = "Noted" }, "custom", Custom(InternalNotes, "note")).AssertError(422);

            Assert.Contains("match.field_value.custom_field_definition_id", message);
            Assert.Contains("not filterable", message);
            Assert.Equal(1, _api.Emulator.LeadCount);
        }

        [Fact]
        public void A_field_not_available_on_leads_cannot_be_matched()
        {
            var message = _api.Upsert(new { name = "Tiered" }, "custom", Custom(AccountTier, 201101)).AssertError(422);

            Assert.Contains("131211", message);
            Assert.Contains("not available on leads", message);
            Assert.Equal(0, _api.Emulator.LeadCount);
        }

        [Fact]
        public void An_unknown_definition_cannot_be_matched()
        {
            var message = _api.Upsert(new { name = "Ghost" }, "custom", Custom(999999, "x")).AssertError(422);

            Assert.Contains("999999 is not a custom field definition", message);
        }

        [Theory]
        [InlineData("{\"custom_field_definition_id\":103481,\"value\":1}", "match.field_value.value: must be one of the option ids")]
        [InlineData("{\"custom_field_definition_id\":100764,\"value\":null}", "match.field_value.value: can't be blank")]
        [InlineData("{\"custom_field_definition_id\":\"100764\",\"value\":\"x\"}", "match.field_value.custom_field_definition_id: must be an integer id")]
        [InlineData("\"100764\"", "match.field_value: must be an object")]
        public void Invalid_custom_match_values_are_refused(string fieldValue, string expected)
        {
            var body = "{\"properties\":{\"name\":\"A\"},\"match\":{\"field_name\":\"custom\",\"field_value\":" + fieldValue + "}}";

            var message = _api.Send("PUT", "/leads/upsert", body).AssertError(422);

            Assert.Contains(expected, message);
        }
    }
}
