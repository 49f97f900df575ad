using System.Text.RegularExpressions;
using LeadPS.Sandbox.Copper;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Copper
{
    public sealed class CopperUpsertTests
    {
        private readonly CopperTestApi _api = new CopperTestApi();

        [Fact]
        public void Seed_body_creates_a_lead_shaped_exactly_like_the_seed_response()
        {
            var reply = _api.Send("PUT", "/leads/upsert", CopperSeed.UpsertBody).AssertOk();

            var expected = JObject.Parse(CopperSeed.UpsertResponse);
            var actual = reply.Object;
            Assert.Equal(expected.Properties().Select(p => p.Name), actual.Properties().Select(p => p.Name));
            foreach (var property in expected.Properties())
            {
                Assert.True(property.Value.Type == actual[property.Name]!.Type, $"{property.Name}: seed has {property.Value.Type}, emulator {actual[property.Name]!.Type}");
            }

            Assert.Equal(CopperEmulator.FirstLeadId, reply.Id);
            Assert.Equal("My Lead", (string?)actual["name"]);
            Assert.Equal("My", (string?)actual["first_name"]);
            Assert.Equal("Lead", (string?)actual["last_name"]);
            Assert.True(JToken.DeepEquals(expected["email"], actual["email"]));
            Assert.Equal("New", (string?)actual["status"]);
            Assert.Equal(208231L, (long)actual["status_id"]!);
            Assert.Equal(0, (int)actual["interaction_count"]!);
            Assert.True((long)actual["date_modified"]! >= (long)actual["date_created"]!);
        }

        [Fact]
        public void Seed_response_custom_fields_are_listed_with_null_values()
        {
            var reply = _api.Send("PUT", "/leads/upsert", CopperSeed.UpsertBody).AssertOk();

            var fields = ((JArray)reply.Json["custom_fields"]!).ToDictionary(f => (long)f["custom_field_definition_id"]!, f => f["value"]!);
            foreach (var id in new[] { 100764L, 103481L, 128735L })
            {
                Assert.Equal(JTokenType.Null, fields[id].Type);
            }

            var leadDefinitions = _api.Emulator.CustomFieldDefinitions.Where(d => d.IsAvailableOnLeads).Select(d => d.Id).OrderBy(id => id);
            Assert.Equal(leadDefinitions, fields.Keys);
        }

        [Fact]
        public void No_match_creates_and_one_match_updates_that_lead()
        {
            var created = _api.Send("PUT", "/leads/upsert", CopperSeed.UpsertBody).AssertOk().Id;

            var updated = _api.Upsert(new { title = "CTO", name = "My Lead" }, "email", "mylead@gmail.test").AssertOk();

            Assert.Equal(created, updated.Id);
            Assert.Equal("CTO", (string?)updated.Json["title"]);
            Assert.Equal("mylead@gmail.test", (string?)updated.Json["email"]!["email"]);
            Assert.Single(_api.Emulator.Leads);
        }

        [Theory]
        [InlineData("email", "MyLead@GMAIL.test")]
        [InlineData("name", "my lead")]
        [InlineData("name", "  MY LEAD ")]
        public void Name_and_email_match_ignore_case_and_surrounding_blanks(string fieldName, string fieldValue)
        {
            var id = _api.Emulator.SeedLead("My Lead", "mylead@gmail.test");

            var reply = _api.Upsert(new { details = "matched" }, fieldName, fieldValue).AssertOk();

            Assert.Equal(id, reply.Id);
            Assert.Equal(1, _api.Emulator.LeadCount);
        }

        [Fact]
        public void Name_match_is_exact_not_contains()
        {
            _api.Emulator.SeedLead("My Lead Two");

            var reply = _api.Upsert(new { name = "My Lead" }, "name", "My Lead").AssertOk();

            Assert.Equal(2, _api.Emulator.LeadCount);
            Assert.Equal("My Lead", (string?)reply.Json["name"]);
        }

        [Theory]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(30)]
        public void Two_to_thirty_matches_are_refused_with_every_matching_id(int count)
        {
            var ids = Enumerable.Range(0, count).Select(_ => _api.Emulator.SeedLead("Dup Lead", "dup@example.test")).ToList();

            var message = _api.Upsert(new { name = "Dup Lead" }, "email", "dup@example.test").AssertError(422);

            Assert.Equal("Multiple leads match the criteria: " + string.Join(", ", ids), message);
            Assert.Equal(count, _api.Emulator.LeadCount);
        }

        [Theory]
        [InlineData(31)]
        [InlineData(45)]
        public void More_than_thirty_matches_are_refused_without_ids(int count)
        {
            for (var i = 0; i < count; i++)
            {
                _api.Emulator.SeedLead("Dup Lead");
            }

            var message = _api.Upsert(new { title = "x" }, "name", "Dup Lead").AssertError(422);

            Assert.Equal("More than 30 leads match the criteria", message);
            Assert.DoesNotMatch(new Regex(@"\d{5,}"), message);
            Assert.Equal(count, _api.Emulator.LeadCount);
        }

        [Fact]
        public void Creating_through_upsert_requires_a_name()
        {
            var message = _api.Upsert(new { title = "No name" }, "email", "nobody@example.test").AssertError(422);

            Assert.Equal("Invalid input: Validation errors: name: can't be blank", message);
            Assert.Equal(0, _api.Emulator.LeadCount);
        }

        [Fact]
        public void Updating_through_upsert_does_not_need_a_name()
        {
            var id = _api.Emulator.SeedLead("Kept Name", "kept@example.test");

            var reply = _api.Upsert(new { title = "CEO" }, "email", "kept@example.test").AssertOk();

            Assert.Equal(id, reply.Id);
            Assert.Equal("Kept Name", (string?)reply.Json["name"]);
        }

        [Fact]
        public void Invalid_properties_are_refused_before_any_match_or_write()
        {
            var id = _api.Emulator.SeedLead("Some Lead", "some@example.test");

            var message = _api.Upsert(new { email = "plain@example.test" }, "email", "some@example.test").AssertError(422);

            Assert.StartsWith("Invalid input: Validation errors: email:", message);
            Assert.Equal("some@example.test", _api.Emulator.GetLead(id)!.Email);
        }

        [Theory]
        [InlineData("{\"properties\":{\"name\":\"A\"}}", "match: is required")]
        [InlineData("{\"match\":{\"field_name\":\"name\",\"field_value\":\"A\"}}", "properties: is required")]
        [InlineData("{\"properties\":[],\"match\":{\"field_name\":\"name\",\"field_value\":\"A\"}}", "properties: must be an object")]
        [InlineData("{\"properties\":{\"name\":\"A\"},\"match\":{\"field_name\":\"phone\",\"field_value\":\"A\"}}", "match.field_name: must be one of name, email, custom")]
        [InlineData("{\"properties\":{\"name\":\"A\"},\"match\":{\"field_name\":\"name\",\"field_value\":\"\"}}", "match.field_value: must be a non-empty string")]
        [InlineData("{\"properties\":{\"name\":\"A\"},\"match\":{\"field_name\":\"email\",\"field_value\":42}}", "match.field_value: must be a non-empty string")]
        [InlineData("{\"properties\":{\"name\":\"A\"},\"match\":{\"field_name\":\"name\",\"field_value\":\"A\"},\"extra\":1}", "extra: is not an upsert field")]
        public void Malformed_upsert_bodies_are_refused_naming_the_part(string body, string expected)
        {
            var message = _api.Send("PUT", "/leads/upsert", body).AssertError(422);

            Assert.Contains(expected, message);
            Assert.Equal(0, _api.Emulator.LeadCount);
        }
    }
}
