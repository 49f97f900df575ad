using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Copper
{
    public sealed class CopperCatalogueTests
    {
        private readonly CopperTestApi _api = new CopperTestApi();

        [Fact]
        public void Custom_field_definitions_cover_every_seeded_type_and_case()
        {
            var definitions = _api.Get("/custom_field_definitions").AssertOk().Array.Cast<JObject>().ToDictionary(d => (long)d["id"]!);

            foreach (var id in new[] { 100764L, 103481L, 128735L })
            {
                Assert.Contains("lead", definitions[id]["available_on"]!.Values<string>());
            }

            Assert.Equal(
                new[] { "Date", "Dropdown", "Float", "MultiSelect", "String", "Text" },
                definitions.Values.Select(d => (string)d["data_type"]!).Distinct().OrderBy(t => t, StringComparer.Ordinal));
            Assert.Contains(definitions.Values, d => !(bool)d["is_filterable"]! && d["available_on"]!.Values<string>().Contains("lead"));
            Assert.Contains(definitions.Values, d => !d["available_on"]!.Values<string>().Contains("lead"));

            var industry = definitions[103481];
            Assert.Equal("Dropdown", (string?)industry["data_type"]);
            Assert.Contains(industry["options"]!, o => (long)o["id"]! == 167082 && (string?)o["name"] == "Finance");
        }

        [Fact]
        public void A_single_definition_can_be_fetched()
        {
            Assert.Equal("Lead Reference", (string?)_api.Get("/custom_field_definitions/100764").AssertOk().Json["name"]);
            _api.Get("/custom_field_definitions/1").AssertError(404);
        }

        [Fact]
        public void Lead_statuses_have_new_as_default()
        {
            var statuses = _api.Get("/lead_statuses").AssertOk().Array;

            Assert.Equal(new[] { "New", "Unqualified", "Contacted", "Qualified" }, statuses.Select(s => (string)s["name"]!));
            var defaults = statuses.Where(s => (bool)s["is_default"]!).ToList();
            Assert.Single(defaults);
            Assert.Equal(208231L, (long)defaults[0]["id"]!);
            Assert.All(statuses, s => Assert.Equal(JTokenType.Integer, s["order"]!.Type));
        }

        [Fact]
        public void Customer_sources_and_account_are_served()
        {
            var sources = _api.Get("/customer_sources").AssertOk().Array;
            Assert.Contains(sources, s => (long)s["id"]! == 331242 && (string?)s["name"] == "Email");

            var account = _api.Get("/account").AssertOk().Json;
            Assert.Equal(181204L, (long)account["id"]!);
            Assert.Equal("LeadPS Sandbox", (string?)account["name"]);
        }

        [Fact]
        public void The_read_only_views_match_what_the_api_serves()
        {
            Assert.Equal(
                _api.Get("/custom_field_definitions").AssertOk().Array.Select(d => (long)d["id"]!),
                _api.Emulator.CustomFieldDefinitions.Select(d => d.Id));
            Assert.Equal(4, _api.Emulator.LeadStatuses.Count);
            Assert.Equal(137658L, _api.Emulator.Users[0].Id);
            Assert.Equal(181204L, _api.Emulator.Account.Id);
        }
    }
}
