using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Copper
{
    public sealed class CopperLeadCrudTests
    {
        private readonly CopperTestApi _api = new CopperTestApi();

        [Fact]
        public void Create_returns_the_complete_lead_with_defaults()
        {
            var lead = _api.Post("/leads", new { name = "Grace Hopper" }).AssertOk().Object;

            var seedKeys = JObject.Parse(CopperSeed.UpsertResponse).Properties().Select(p => p.Name);
            Assert.Equal(seedKeys, lead.Properties().Select(p => p.Name));
            Assert.Equal("New", (string?)lead["status"]);
            Assert.Equal(208231L, (long)lead["status_id"]!);
            Assert.Equal(JTokenType.Array, lead["tags"]!.Type);
            Assert.Empty((JArray)lead["phone_numbers"]!);
            Assert.Equal(JTokenType.Null, lead["monetary_unit"]!.Type);
        }

        [Fact]
        public void Ids_are_large_and_increasing()
        {
            var first = _api.Create(new { name = "One" });
            var second = _api.Create(new { name = "Two" });

            Assert.True(first >= 8_900_000);
            Assert.True(second > first);
        }

        [Theory]
        [InlineData("Ada Lovelace", null, "Ada", null, "Lovelace", null)]
        [InlineData("Madonna", null, "Madonna", null, null, null)]
        [InlineData("Dr. Jane Quincy Public Jr.", "Dr.", "Jane", "Quincy", "Public", "Jr.")]
        [InlineData("Ms Mary Ann Evans", "Ms", "Mary", "Ann", "Evans", null)]
        [InlineData("Dr", null, "Dr", null, null, null)]
        public void Name_parts_are_derived_from_the_name(string name, string? prefix, string? first, string? middle, string? last, string? suffix)
        {
            var lead = _api.Post("/leads", new { name }).AssertOk().Json;

            Assert.Equal(prefix, (string?)lead["prefix"]);
            Assert.Equal(first, (string?)lead["first_name"]);
            Assert.Equal(middle, (string?)lead["middle_name"]);
            Assert.Equal(last, (string?)lead["last_name"]);
            Assert.Equal(suffix, (string?)lead["suffix"]);
        }

        [Theory]
        [InlineData("{}")]
        [InlineData("")]
        [InlineData("{\"name\":\"   \"}")]
        [InlineData("{\"name\":null}")]
        public void Create_requires_a_non_blank_name(string body)
        {
            var message = _api.Send("POST", "/leads", body).AssertError(422);

            Assert.Equal("Invalid input: Validation errors: name: can't be blank", message);
            Assert.Equal(0, _api.Emulator.LeadCount);
        }

        [Fact]
        public void Get_returns_the_stored_lead_and_404_for_unknown_ids()
        {
            var created = _api.Post("/leads", new { name = "Stored Lead", title = "VP" }).AssertOk().Json;

            var fetched = _api.Get("/leads/" + (long)created["id"]!).AssertOk().Json;

            Assert.True(JToken.DeepEquals(created, fetched));
            Assert.Equal("Resource not found", _api.Get("/leads/1234").AssertError(404));
        }

        [Fact]
        public void Update_changes_only_sent_fields_and_null_clears()
        {
            var id = _api.Create(new { name = "Partial Lead", title = "Engineer", details = "keep me", tags = new[] { "a", "b" }, monetary_value = 1500 });

            var updated = _api.Put("/leads/" + id, new { title = "Manager" }).AssertOk().Json;
            Assert.Equal("Manager", (string?)updated["title"]);
            Assert.Equal("keep me", (string?)updated["details"]);
            Assert.Equal(new[] { "a", "b" }, updated["tags"]!.Values<string>());
            Assert.Equal("USD", (string?)updated["monetary_unit"]);

            var cleared = _api.Send("PUT", "/leads/" + id, "{\"details\":null,\"tags\":null,\"monetary_value\":null}").AssertOk().Json;
            Assert.Equal(JTokenType.Null, cleared["details"]!.Type);
            Assert.Empty((JArray)cleared["tags"]!);
            Assert.Equal(JTokenType.Null, cleared["monetary_value"]!.Type);
            Assert.Equal(JTokenType.Null, cleared["monetary_unit"]!.Type);
            Assert.Equal("Manager", (string?)cleared["title"]);
            Assert.Equal("Partial Lead", (string?)cleared["name"]);
        }

        [Fact]
        public void Update_merges_custom_fields_by_definition()
        {
            var id = _api.Create(new
            {
                name = "Custom Lead",
                custom_fields = new object[]
                {
                    new { custom_field_definition_id = 100764, value = "REF-9" },
                    new { custom_field_definition_id = 131209, value = 2500.5 },
                },
            });

            var updated = _api.Put("/leads/" + id, new
            {
                custom_fields = new object?[] { new { custom_field_definition_id = 131209, value = (object?)null }, new { custom_field_definition_id = 103481, value = 167084 } },
            }).AssertOk().Json;

            var values = updated["custom_fields"]!.ToDictionary(f => (long)f["custom_field_definition_id"]!, f => f["value"]!);
            Assert.Equal("REF-9", (string?)values[100764]);
            Assert.Equal(JTokenType.Null, values[131209].Type);
            Assert.Equal(167084L, (long)values[103481]);
        }

        [Fact]
        public void Update_renames_and_the_name_parts_follow()
        {
            var id = _api.Create(new { name = "Old Name" });

            var updated = _api.Put("/leads/" + id, new { name = "Mr John Smith" }).AssertOk().Json;

            Assert.Equal("Mr", (string?)updated["prefix"]);
            Assert.Equal("John", (string?)updated["first_name"]);
            Assert.Equal("Smith", (string?)updated["last_name"]);
            Assert.Equal(id, _api.Upsert(new { title = "found" }, "name", "mr john smith").AssertOk().Id);
        }

        [Fact]
        public void Update_accepts_a_lead_read_back_as_is()
        {
            var lead = _api.Post("/leads", new { name = "Round Trip", email = new { email = "rt@example.test", category = "personal" } }).AssertOk().Object;

            var again = _api.Put("/leads/" + (long)lead["id"]!, lead.ToString()).AssertOk().Object;

            Assert.Equal((string?)lead["email"]!["email"], (string?)again["email"]!["email"]);
            Assert.Equal((long)lead["date_created"]!, (long)again["date_created"]!);
        }

        [Fact]
        public void Update_of_an_unknown_lead_is_404()
        {
            Assert.Equal("Resource not found", _api.Put("/leads/42", new { title = "x" }).AssertError(404));
        }

        [Fact]
        public void Update_cannot_blank_the_name_or_status()
        {
            var id = _api.Create(new { name = "Named" });

            var message = _api.Send("PUT", "/leads/" + id, "{\"name\":null,\"status_id\":null}").AssertError(422);

            Assert.Contains("name: can't be blank", message);
            Assert.Contains("status_id: can't be blank", message);
        }

        [Fact]
        public void Delete_removes_the_lead()
        {
            var id = _api.Create(new { name = "Doomed" });

            var reply = _api.Delete("/leads/" + id).AssertOk();

            Assert.True(JToken.DeepEquals(new JObject { ["id"] = id, ["is_deleted"] = true }, reply.Json));
            _api.Get("/leads/" + id).AssertError(404);
            _api.Delete("/leads/" + id).AssertError(404);
            Assert.Equal(0, _api.Emulator.LeadCount);
        }

        [Theory]
        [InlineData("qualified", 208234L, "Qualified")]
        [InlineData("Contacted", 208233L, "Contacted")]
        public void Status_may_be_given_by_name(string status, long expectedId, string expectedName)
        {
            var lead = _api.Post("/leads", new { name = "Status Lead", status }).AssertOk().Json;

            Assert.Equal(expectedId, (long)lead["status_id"]!);
            Assert.Equal(expectedName, (string?)lead["status"]);
        }

        [Fact]
        public void Status_name_and_id_must_agree()
        {
            var message = _api.Post("/leads", new { name = "Confused", status = "New", status_id = 208234 }).AssertError(422);

            Assert.Contains("status:", message);
        }

        [Fact]
        public void Every_writable_field_round_trips()
        {
            var body = new
            {
                name = "Full Lead",
                email = new { email = "full@example.test", category = "work" },
                phone_numbers = new[] { new { number = "+1 (415) 555-0100", category = "mobile" } },
                socials = new[] { new { url = "https://linkedin.example/full", category = "linkedin" } },
                websites = new[] { new { url = "https://full.example", category = "work" } },
                address = new { street = "1 Main St", city = "Springfield", state = "IL", postal_code = "62701", country = "US" },
                assignee_id = 137659,
                customer_source_id = 331242,
                company_name = "Full Co",
                title = "Owner",
                details = "Everything set",
                monetary_value = 1234.5,
                monetary_unit = "eur",
                tags = new[] { "vip", "VIP", "trade-show" },
                custom_fields = new object[]
                {
                    new { custom_field_definition_id = 128735, value = 1767225600 },
                    new { custom_field_definition_id = 131208, value = new[] { 201002, 201004 } },
                },
            };

            var lead = _api.Post("/leads", body).AssertOk().Json;

            Assert.Equal("+1 (415) 555-0100", (string?)lead["phone_numbers"]![0]!["number"]);
            Assert.Equal("linkedin", (string?)lead["socials"]![0]!["category"]);
            Assert.Equal("Springfield", (string?)lead["address"]!["city"]);
            Assert.Equal(137659L, (long)lead["assignee_id"]!);
            Assert.Equal(331242L, (long)lead["customer_source_id"]!);
            Assert.Equal(1234.5, (double)lead["monetary_value"]!);
            Assert.Equal("EUR", (string?)lead["monetary_unit"]);
            Assert.Equal(new[] { "vip", "trade-show" }, lead["tags"]!.Values<string>());
            var values = lead["custom_fields"]!.ToDictionary(f => (long)f["custom_field_definition_id"]!, f => f["value"]!);
            Assert.Equal(1767225600L, (long)values[128735]);
            Assert.Equal(new[] { 201002L, 201004L }, values[131208].Values<long>());
        }
    }
}
