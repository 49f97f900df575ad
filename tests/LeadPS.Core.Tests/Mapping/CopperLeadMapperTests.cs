using LeadPS.Mapping;
using Newtonsoft.Json.Linq;
using static LeadPS.Core.Tests.Mapping.TestLeads;

namespace LeadPS.Core.Tests.Mapping
{
    public class CopperLeadMapperTests
    {
        [Fact]
        public void A_hashtable_lead_becomes_compact_copper_json()
        {
            var lead = CopperMapper().MapLead(Of(
                ("name", "My Lead"),
                ("email", "mylead@gmail.test"),
                ("monetary_value", 1500),
                ("status", "New")));

            Assert.Equal(
                """{"name":"My Lead","email":{"email":"mylead@gmail.test","category":"work"},"monetary_value":1500,"status":"New"}""",
                lead.Json);
            Assert.Equal(LeadPlatform.Copper, lead.Platform);
            Assert.Null(lead.Id);
            Assert.Equal("My Lead", lead.Name);
            Assert.Empty(lead.UnknownProperties);
            Assert.Empty(lead.ReadOnlyProperties);
        }

        [Theory]
        [InlineData("name")]
        [InlineData("NAME")]
        [InlineData("Name")]
        [InlineData(" name ")]
        public void Property_names_match_case_insensitively(string key) =>
            Assert.Equal("Bob", (string?)Body(CopperMapper().MapLead(Of((key, "Bob"))))["name"]);

        [Theory]
        [InlineData("monetary_value")]
        [InlineData("MonetaryValue")]
        [InlineData("Monetary Value")]
        [InlineData("monetary-value")]
        public void Property_names_ignore_underscores_dashes_and_spaces(string key) =>
            Assert.Equal(12.5m, (decimal)Body(CopperMapper().MapLead(Of(("name", "x"), (key, "12.5"))))["monetary_value"]!);

        [Theory]
        [InlineData("assignee_id", "17", "assignee_id", 17L)]
        [InlineData("customer_source_id", 18L, "customer_source_id", 18L)]
        [InlineData("status_id", 208231, "status_id", 208231L)]
        [InlineData("OwnerUserId", "17", "assignee_id", 17L)]
        [InlineData("SourceId", "18", "customer_source_id", 18L)]
        [InlineData("StageId", "19", "status_id", 19L)]
        public void Id_fields_and_their_iVvy_named_aliases_become_numbers(string key, object value, string field, long expected) =>
            Assert.Equal(expected, (long)Body(CopperMapper().MapLead(Of(("name", "x"), (key, value))))[field]!);

        [Theory]
        [InlineData("company", "company_name")]
        [InlineData("Company Name", "company_name")]
        [InlineData("title", "title")]
        [InlineData("details", "details")]
        [InlineData("Description", "details")]
        [InlineData("status", "status")]
        public void Text_fields_and_aliases(string key, string field) =>
            Assert.Equal("Acme ✓", (string?)Body(CopperMapper().MapLead(Of(("name", "x"), (key, "Acme ✓"))))[field]);

        [Theory]
        [InlineData("1500", "1500")]
        [InlineData("1500.50", "1500.5")]
        [InlineData("0.1", "0.1")]
        public void Monetary_value_is_written_as_a_plain_json_number(string text, string json) =>
            Assert.Contains("\"monetary_value\":" + json + "}", CopperMapper().MapLead(Of(("name", "x"), ("monetary_value", text))).Json);

        [Fact]
        public void Monetary_value_from_a_double_keeps_its_value() =>
            Assert.Contains("\"monetary_value\":0.1}", CopperMapper().MapLead(Of(("name", "x"), ("monetary_value", 0.1d))).Json);

        [Fact]
        public void Email_as_an_object_keeps_its_category()
        {
            var body = Body(CopperMapper().MapLead(Of(("name", "x"), ("email", Table(("email", "a@b.test"), ("category", "Personal"))))));
            Assert.Equal("""{"email":"a@b.test","category":"personal"}""", body["email"]!.ToString(Newtonsoft.Json.Formatting.None));
        }

        [Fact]
        public void Email_object_without_category_is_work_and_blank_category_too()
        {
            var body = Body(CopperMapper().MapLead(Of(("name", "x"), ("email", Table(("EMAIL", "a@b.test"), ("category", ""))))));
            Assert.Equal("work", (string?)body["email"]!["category"]);
        }

        [Fact]
        public void Email_given_as_a_one_item_array_is_accepted() =>
            Assert.Equal("a@b.test", (string?)Body(CopperMapper().MapLead(Of(("name", "x"), ("email", new object[] { "a@b.test" }))))["email"]!["email"]);

        [Fact]
        public void Email_with_extra_keys_reports_them()
        {
            var lead = CopperMapper().MapLead(Of(("name", "x"), ("email", Table(("email", "a@b.test"), ("primary", true)))));
            Assert.Equal(new[] { "email.primary" }, lead.UnknownProperties);
        }

        [Fact]
        public void Phone_as_a_string_becomes_a_work_number() =>
            Assert.Equal(
                """[{"number":"+61 2 9999 0000","category":"work"}]""",
                Body(CopperMapper().MapLead(Of(("name", "x"), ("phone", "+61 2 9999 0000"))))["phone_numbers"]!.ToString(Newtonsoft.Json.Formatting.None));

        [Theory]
        [InlineData("phone")]
        [InlineData("Phone Number")]
        [InlineData("phone_numbers")]
        [InlineData("PhoneNumbers")]
        public void Phone_aliases_all_reach_phone_numbers(string key) =>
            Assert.Single((JArray)Body(CopperMapper().MapLead(Of(("name", "x"), (key, "555 0100"))))["phone_numbers"]!);

        [Fact]
        public void Phones_in_one_csv_cell_split_on_semicolons()
        {
            var phones = (JArray)Body(CopperMapper().MapLead(Of(("name", "x"), ("phone", "555 0100; 555 0101;"))))["phone_numbers"]!;
            Assert.Equal(new[] { "555 0100", "555 0101" }, phones.Select(p => (string)p["number"]!));
        }

        [Fact]
        public void Phones_from_arrays_of_strings_numbers_and_objects()
        {
            var phones = (JArray)Body(CopperMapper().MapLead(Of(
                ("name", "x"),
                ("phone_numbers", new object?[] { "555 0100", 5550101L, Table(("number", "555 0102"), ("category", "Mobile")), "", null }))))["phone_numbers"]!;
            Assert.Equal(
                """[{"number":"555 0100","category":"work"},{"number":"5550101","category":"work"},{"number":"555 0102","category":"mobile"}]""",
                phones.ToString(Newtonsoft.Json.Formatting.None));
        }

        [Fact]
        public void Websites_and_socials_take_strings_or_objects()
        {
            var body = Body(CopperMapper().MapLead(Of(
                ("name", "x"),
                ("website", "https://example.test"),
                ("socials", new object[] { "https://linkedin.test/in/x", Table(("url", "https://x.test/x"), ("category", "Twitter")) }))));
            Assert.Equal("""[{"url":"https://example.test","category":"work"}]""", body["websites"]!.ToString(Newtonsoft.Json.Formatting.None));
            Assert.Equal(
                """[{"url":"https://linkedin.test/in/x","category":"other"},{"url":"https://x.test/x","category":"twitter"}]""",
                body["socials"]!.ToString(Newtonsoft.Json.Formatting.None));
        }

        [Fact]
        public void Flat_address_columns_build_one_address_object()
        {
            var body = Body(CopperMapper().MapLead(Of(
                ("name", "x"),
                ("Street", "1 George St"),
                ("City", "Sydney"),
                ("State", "NSW"),
                ("Postal Code", "2000"),
                ("country", "AU"))));
            Assert.Equal(
                """{"street":"1 George St","city":"Sydney","state":"NSW","postal_code":"2000","country":"AU"}""",
                body["address"]!.ToString(Newtonsoft.Json.Formatting.None));
        }

        [Fact]
        public void Address_as_an_object_normalises_its_keys_and_reports_unknown_ones()
        {
            var lead = CopperMapper().MapLead(Of(("name", "x"), ("address", Table(("PostalCode", "2000"), ("City", "Sydney"), ("suburb", "CBD")))));
            Assert.Equal("2000", (string?)Body(lead)["address"]!["postal_code"]);
            Assert.Equal(new[] { "address.suburb" }, lead.UnknownProperties);
        }

        [Fact]
        public void Address_as_a_plain_string_is_the_street() =>
            Assert.Equal("1 George St\nSydney", (string?)Body(CopperMapper().MapLead(Of(("name", "x"), ("address", "1 George St\nSydney"))))["address"]!["street"]);

        [Theory]
        [InlineData("vip;golf", new[] { "vip", "golf" })]
        [InlineData("vip, golf", new[] { "vip", "golf" })]
        [InlineData(" vip ;; golf,", new[] { "vip", "golf" })]
        [InlineData("solo", new[] { "solo" })]
        public void Tags_split_a_string_on_semicolons_and_commas(string text, string[] expected) =>
            Assert.Equal(expected, ((JArray)Body(CopperMapper().MapLead(Of(("name", "x"), ("tags", text))))["tags"]!).Select(t => (string)t!));

        [Fact]
        public void Tags_from_an_array_are_kept_whole()
        {
            var tags = (JArray)Body(CopperMapper().MapLead(Of(("name", "x"), ("tags", new object[] { "a,b", "c", 3 }))))["tags"]!;
            Assert.Equal(new[] { "a,b", "c", "3" }, tags.Select(t => (string)t!));
        }

        [Fact]
        public void Unknown_properties_are_listed_not_sent_and_not_dropped_silently()
        {
            var lead = CopperMapper().MapLead(Of(("name", "x"), ("Favourite Colour", "blue"), ("shoe_size", "")));
            Assert.Equal(new[] { "Favourite Colour", "shoe_size" }, lead.UnknownProperties);
            Assert.Equal("""{"name":"x"}""", lead.Json);
        }

        [Fact]
        public void Response_only_fields_are_listed_as_read_only()
        {
            var lead = CopperMapper().MapLead(Of(("name", "x"), ("date_created", 1489531171), ("interaction_count", 0), ("first_name", "My"), ("monetary_unit", "USD")));
            Assert.Equal(new[] { "date_created", "interaction_count", "first_name", "monetary_unit" }, lead.ReadOnlyProperties);
            Assert.Empty(lead.UnknownProperties);
            Assert.Equal("""{"name":"x"}""", lead.Json);
        }

        [Fact]
        public void Ignored_properties_vanish_without_a_report()
        {
            var lead = CopperMapper(new[] { "Platform", "Outcome", "Input", "PSComputerName" })
                .MapLead(Of(("name", "x"), ("platform", "Copper"), ("Outcome", "Created"), ("Input", Table()), ("PSComputerName", "srv")));
            Assert.Empty(lead.UnknownProperties);
            Assert.Equal("""{"name":"x"}""", lead.Json);
        }

        [Fact]
        public void The_copper_lead_returned_by_the_seed_round_trips_into_an_update()
        {
            var seed = JObject.Parse("""
                {"id":8982702,"name":"My Lead","prefix":null,"first_name":"My","last_name":"Lead","middle_name":null,"suffix":null,"address":null,"assignee_id":null,"company_name":null,"customer_source_id":null,"details":null,"email":{"email":"mylead@gmail.test","category":"work"},"interaction_count":0,"monetary_unit":null,"monetary_value":null,"socials":[],"status":"New","status_id":208231,"tags":[],"title":null,"websites":[],"phone_numbers":[],"custom_fields":[{"custom_field_definition_id":100764,"value":null},{"custom_field_definition_id":100765,"value":null}],"date_created":1489531171,"date_modified":1512006056,"date_last_contacted":null}
                """);
            var input = seed.Properties().Select(p => new KeyValuePair<string, object?>(p.Name, ToPlain(p.Value))).ToList();

            var lead = CopperMapper().MapLead(input);

            Assert.Equal(8982702L, lead.Id);
            var body = Body(lead);
            Assert.False(body.ContainsKey("id"));
            Assert.Equal("mylead@gmail.test", (string?)body["email"]!["email"]);
            Assert.Equal(JTokenType.Null, body["address"]!.Type);
            Assert.Equal(2, ((JArray)body["custom_fields"]!).Count);
            Assert.Contains("date_created", lead.ReadOnlyProperties);
            Assert.Empty(lead.UnknownProperties);
        }

        [Fact]
        public void Blank_strings_are_omitted_and_explicit_null_clears()
        {
            var lead = CopperMapper().MapLead(Of(("id", "12"), ("title", ""), ("details", "   "), ("company_name", null), ("tags", null)));
            Assert.Equal("""{"company_name":null,"tags":null}""", lead.Json);
            Assert.Equal(12L, lead.Id);
        }

        [Fact]
        public void Unicode_passes_through_untouched()
        {
            const string name = "Zoë Ñúñez — 张伟 🎉 \u200d Ελένη";
            var lead = CopperMapper().MapLead(Of(("name", name), ("details", "Line1\r\nLine2\t\"quoted\"")));
            Assert.Equal(name, lead.Name);
            Assert.Contains(name, lead.Json);
            Assert.Equal("Line1\r\nLine2\t\"quoted\"", (string?)Body(lead)["details"]);
        }

        [Fact]
        public void Huge_strings_pass_because_copper_documents_no_limit()
        {
            var details = new string('é', 1_000_000);
            Assert.Equal(details, (string?)Body(CopperMapper().MapLead(Of(("name", "x"), ("details", details))))["details"]);
        }

        [Fact]
        public void Create_needs_a_name()
        {
            var error = Invalid(() => CopperMapper().MapLead(Of(("email", "a@b.test"), ("Colour", "red"))), "name");
            Assert.Contains("needs a 'name'", error.Message);
            Assert.Contains("'Colour'", error.Message);
        }

        [Fact]
        public void Create_with_a_null_or_blank_name_still_needs_one()
        {
            Invalid(() => CopperMapper().MapLead(Of(("name", null))), "name");
            Invalid(() => CopperMapper().MapLead(Of(("name", " "))), "name");
        }

        [Fact]
        public void Update_needs_no_name_but_something_to_change()
        {
            Assert.Equal("""{"title":"CEO"}""", CopperMapper().MapLead(Of(("title", "CEO")), leadId: 5).Json);
            var error = Invalid(() => CopperMapper().MapLead(Of(("id", 5), ("title", ""))), null);
            Assert.Contains("Nothing to update on Copper lead 5", error.Message);
        }

        [Fact]
        public void The_caller_id_and_the_input_id_must_agree()
        {
            Assert.Equal(5L, CopperMapper().MapLead(Of(("id", "5"), ("title", "x")), leadId: 5).Id);
            Invalid(() => CopperMapper().MapLead(Of(("id", "5"), ("title", "x")), leadId: 6), "id");
        }

        [Fact]
        public void The_same_field_in_two_casings_is_refused()
        {
            var error = Invalid(() => CopperMapper().MapLead(Of(("id", 3), ("email", "a@b.test"), ("Email", "c@d.test"))), "email");
            Assert.Equal("The field 'email' is given twice ('email' and 'Email'); give it once.", error.Message);
        }

        [Fact]
        public void A_field_and_its_alias_together_are_refused() =>
            Invalid(() => CopperMapper().MapLead(Of(("name", "x"), ("phone", "1"), ("phone_numbers", "2"))), "phone_numbers");

        [Fact]
        public void Unknown_properties_in_two_casings_are_refused() =>
            Invalid(() => CopperMapper().MapLead(Of(("name", "x"), ("Colour", "red"), ("colour", "blue"))), "colour");

        [Fact]
        public void Address_whole_and_in_parts_is_refused()
        {
            Invalid(() => CopperMapper().MapLead(Of(("name", "x"), ("city", "Sydney"), ("address", Table(("street", "1"))))), "address");
            Invalid(() => CopperMapper().MapLead(Of(("name", "x"), ("address", Table(("street", "1"))), ("city", "Sydney"))), "address");
        }

        [Fact]
        public void Mapping_does_not_need_a_schema_for_built_in_fields() =>
            Assert.Equal("""{"name":"x"}""", new CopperLeadMapper().MapLead(Of(("name", "x"))).Json);

        [Fact]
        public void The_mapped_json_is_a_fresh_copy_each_time()
        {
            var lead = CopperMapper().MapLead(Of(("name", "x")));
            lead.ToJObject()["name"] = "changed";
            Assert.Equal("""{"name":"x"}""", lead.Json);
            Assert.Equal("x", (string?)lead.ToJObject()["name"]);
        }

        internal static object? ToPlain(JToken token) => token.Type switch
        {
            JTokenType.Object => ((JObject)token).Properties().Select(p => new KeyValuePair<string, object?>(p.Name, ToPlain(p.Value))).ToList(),
            JTokenType.Array => token.Select(ToPlain).ToArray(),
            JTokenType.Null => null,
            JTokenType.Integer => (long)token,
            JTokenType.Float => (double)token,
            JTokenType.Boolean => (bool)token,
            _ => (string?)token,
        };
    }
}
