using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Copper
{
    public sealed class CopperSearchTests
    {
        private readonly CopperTestApi _api = new CopperTestApi();

        private long[] Ids(object criteria)
        {
            var reply = _api.Search(criteria).AssertOk();
            Assert.Equal(JTokenType.Array, reply.Json.Type);
            return reply.Array.Select(lead => (long)lead["id"]!).ToArray();
        }

        [Fact]
        public void Results_are_a_bare_array_of_full_leads_with_the_total_in_a_header()
        {
            _api.Emulator.SeedLead("Alpha One");
            _api.Emulator.SeedLead("Beta Two");

            var reply = _api.Search(new { }).AssertOk();

            Assert.Equal(2, reply.Array.Count);
            Assert.Equal("2", reply.Header("X-PW-TOTAL"));
            var seedKeys = JObject.Parse(CopperSeed.UpsertResponse).Properties().Select(p => p.Name);
            Assert.Equal(seedKeys, ((JObject)reply.Array[0]).Properties().Select(p => p.Name));
        }

        [Fact]
        public void An_empty_body_searches_everything()
        {
            _api.Emulator.SeedLead("Alpha One");

            var reply = _api.Send("POST", "/leads/search", string.Empty).AssertOk();

            Assert.Single(reply.Array);
        }

        [Fact]
        public void Name_filter_is_a_case_insensitive_contains()
        {
            var ada = _api.Emulator.SeedLead("Ada Lovelace");
            var grace = _api.Emulator.SeedLead("Grace Hopper");
            _api.Emulator.SeedLead("Alan Turing");

            Assert.Equal(new[] { ada }, Ids(new { name = "LOVE" }));
            Assert.Equal(new[] { ada, grace }, Ids(new { name = "ce" }));
        }

        [Fact]
        public void Emails_filter_matches_any_listed_address_ignoring_case()
        {
            var one = _api.Emulator.SeedLead("One", "one@example.test");
            _api.Emulator.SeedLead("Two", "two@example.test");
            var three = _api.Emulator.SeedLead("Three", "three@example.test");

            Assert.Equal(new[] { one, three }, Ids(new { emails = new[] { "ONE@example.test", "three@example.test", "none@example.test" } }));
        }

        [Fact]
        public void Phone_filter_compares_digits_only()
        {
            var id = _api.Create(new { name = "Phoned", phone_numbers = new[] { new { number = "+1 (415) 555-0100", category = "work" } } });
            _api.Create(new { name = "Other", phone_numbers = new[] { new { number = "020 7946 0000", category = "home" } } });

            Assert.Equal(new[] { id }, Ids(new { phone_number = "415-555-0100" }));
            _api.Search(new { phone_number = "n/a" }).AssertError(422);
        }

        [Fact]
        public void Id_status_assignee_source_and_tag_filters()
        {
            var a = _api.Create(new { name = "A", status = "Qualified", assignee_id = 137659, customer_source_id = 331243, tags = new[] { "vip" } });
            var b = _api.Create(new { name = "B", assignee_id = 137660, tags = new[] { "trade-show", "VIP" } });
            var c = _api.Create(new { name = "C" });

            Assert.Equal(new[] { a, c }, Ids(new { ids = new[] { a, c, 1 } }));
            Assert.Equal(new[] { a }, Ids(new { status_ids = new[] { 208234 } }));
            Assert.Equal(new[] { b, c }, Ids(new { status_ids = new[] { 208231 } }));
            Assert.Equal(new[] { a, b }, Ids(new { assignee_ids = new[] { 137659, 137660 } }));
            Assert.Equal(new[] { c }, Ids(new { assignee_ids = new[] { -2 } }));
            Assert.Equal(new[] { a }, Ids(new { customer_source_ids = new[] { 331243 } }));
            Assert.Equal(new[] { a, b }, Ids(new { tags = new[] { "vip" } }));
            Assert.Equal(new[] { b }, Ids(new { tags = new[] { "trade-show" }, name = "B" }));
        }

        [Fact]
        public void Modified_and_created_date_bounds_are_inclusive()
        {
            var id = _api.Emulator.SeedLead("Dated Lead");
            var modified = _api.Emulator.GetLead(id)!.DateModified;
            var created = _api.Emulator.GetLead(id)!.DateCreated;

            Assert.Equal(new[] { id }, Ids(new { minimum_modified_date = modified, maximum_modified_date = modified }));
            Assert.Empty(Ids(new { minimum_modified_date = modified + 1 }));
            Assert.Empty(Ids(new { maximum_modified_date = modified - 1 }));
            Assert.Equal(new[] { id }, Ids(new { minimum_created_date = created }));
            Assert.Empty(Ids(new { maximum_created_date = created - 1 }));
        }

        [Fact]
        public void Custom_field_filters_by_type()
        {
            var a = _api.Emulator.SeedLeadFromJson("{\"name\":\"A\",\"custom_fields\":[{\"custom_field_definition_id\":100764,\"value\":\"REF-100\"},{\"custom_field_definition_id\":103481,\"value\":167081},{\"custom_field_definition_id\":131208,\"value\":[201001,201002]},{\"custom_field_definition_id\":131209,\"value\":50}]}");
            var b = _api.Emulator.SeedLeadFromJson("{\"name\":\"B\",\"custom_fields\":[{\"custom_field_definition_id\":100764,\"value\":\"REF-200\"},{\"custom_field_definition_id\":103481,\"value\":167083},{\"custom_field_definition_id\":131208,\"value\":[201002]},{\"custom_field_definition_id\":131209,\"value\":150.5}]}");
            var c = _api.Emulator.SeedLead("C");

            object Filter(object f) => new { custom_fields = new[] { f } };
            Assert.Equal(new[] { b }, Ids(Filter(new { custom_field_definition_id = 100764, value = "ref-2" })));
            Assert.Equal(new[] { a, b }, Ids(Filter(new { custom_field_definition_id = 103481, value = new[] { 167081, 167083 } })));
            Assert.Equal(new[] { a }, Ids(Filter(new { custom_field_definition_id = 103481, value = 167081 })));
            Assert.Equal(new[] { a, b }, Ids(Filter(new { custom_field_definition_id = 131208, value = new[] { 201002, 201003 } })));
            Assert.Equal(new[] { a }, Ids(Filter(new { custom_field_definition_id = 131208, value = new[] { 201001, 201002 }, option = "ALL" })));
            Assert.Equal(new[] { b }, Ids(Filter(new { custom_field_definition_id = 131209, minimum_value = 100 })));
            Assert.Equal(new[] { a, c }, Ids(Filter(new { custom_field_definition_id = 131209, maximum_value = 100, allow_empty = true })));
            Assert.Equal(new[] { c }, Ids(Filter(new { custom_field_definition_id = 100764, allow_empty = true })));
        }

        [Theory]
        [InlineData("{\"custom_fields\":[{\"custom_field_definition_id\":131210,\"value\":\"x\"}]}", "custom_fields[0].custom_field_definition_id: custom field definition 131210 (Internal Notes) is not filterable")]
        [InlineData("{\"custom_fields\":[{\"custom_field_definition_id\":131211,\"value\":201101}]}", "not available on leads")]
        [InlineData("{\"custom_fields\":[{\"custom_field_definition_id\":100764}]}", "custom_fields[0].value: is required")]
        [InlineData("{\"custom_fields\":[{\"custom_field_definition_id\":128735,\"minimum_value\":\"2026\"}]}", "custom_fields[0].minimum_value: must be unix seconds")]
        [InlineData("{\"page_size\":201}", "page_size: must be between 1 and 200")]
        [InlineData("{\"page_size\":0}", "page_size: must be between 1 and 200")]
        [InlineData("{\"page_number\":0}", "page_number: must be at least 1")]
        [InlineData("{\"page_number\":\"2\"}", "page_number: must be an integer")]
        [InlineData("{\"sort_by\":\"favourite_colour\"}", "sort_by: must be one of name, first_name, last_name, assignee")]
        [InlineData("{\"sort_direction\":\"up\"}", "sort_direction: must be one of asc, desc")]
        [InlineData("{\"emails\":\"a@b.test\"}", "emails: must be an array of strings")]
        [InlineData("{\"ids\":[\"1\"]}", "ids: must be an array of integer ids")]
        [InlineData("{\"minimum_modified_date\":\"yesterday\"}", "minimum_modified_date: must be a date in unix seconds")]
        [InlineData("{\"followed\":1}", "followed: is not a lead search field")]
        public void Invalid_criteria_are_refused_naming_the_field(string body, string expected)
        {
            var message = _api.Send("POST", "/leads/search", body).AssertError(422);

            Assert.Contains(expected, message);
        }

        [Fact]
        public void Null_filters_are_ignored()
        {
            _api.Emulator.SeedLead("Anyone");

            Assert.Single(Ids(JObject.Parse("{\"name\":null,\"emails\":null,\"page_size\":null}")));
        }

        [Fact]
        public void Pages_default_to_twenty_and_cover_every_match_once()
        {
            var all = Enumerable.Range(0, 45).Select(i => _api.Emulator.SeedLead("Paged " + i)).ToArray();

            var first = _api.Search(new { }).AssertOk();
            Assert.Equal(20, first.Array.Count);
            Assert.Equal("45", first.Header("X-PW-TOTAL"));

            var seen = Enumerable.Range(1, 3).SelectMany(page => Ids(new { page_number = page, page_size = 20 })).ToArray();
            Assert.Equal(all, seen);
            Assert.Empty(Ids(new { page_number = 4, page_size = 20 }));
            Assert.Equal(5, Ids(new { page_number = 3, page_size = 20 }).Length);
            Assert.Equal(45, Ids(new { page_size = 200 }).Length);
        }

        [Fact]
        public void Sorting_by_name_and_dates_in_both_directions()
        {
            var charlie = _api.Emulator.SeedLead("charlie");
            var alpha = _api.Emulator.SeedLead("Alpha");
            var bravo = _api.Emulator.SeedLead("bravo");

            Assert.Equal(new[] { alpha, bravo, charlie }, Ids(new { sort_by = "name" }));
            Assert.Equal(new[] { charlie, bravo, alpha }, Ids(new { sort_by = "name", sort_direction = "desc" }));
            Assert.Equal(new[] { charlie, alpha, bravo }, Ids(new { sort_by = "date_created" }));
            Assert.Equal(new[] { bravo, alpha, charlie }, Ids(new { sort_by = "date_modified", sort_direction = "desc" }));
        }

        [Fact]
        public void Only_the_first_hundred_thousand_matches_are_reachable()
        {
            for (var i = 0; i <= 100_000; i++)
            {
                _api.Emulator.SeedLead("Bulk");
            }

            var last = _api.Search(new { page_size = 200, page_number = 500 }).AssertOk();
            Assert.Equal(200, last.Array.Count);
            Assert.Equal("100001", last.Header("X-PW-TOTAL"));
            Assert.Equal(CopperEmulatorIds.Nth(99_999), (long)last.Array[199]!["id"]!);

            var beyond = _api.Search(new { page_size = 200, page_number = 501 }).AssertOk();
            Assert.Empty(beyond.Array);
            Assert.Equal("100001", beyond.Header("X-PW-TOTAL"));
        }
    }
}
