using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Copper
{
    public sealed class CopperSeedingTests
    {
        private readonly CopperTestApi _api = new CopperTestApi();

        [Fact]
        public void SeedLead_stores_a_lead_visible_through_the_api_and_the_views()
        {
            var id = _api.Emulator.SeedLead("Seeded Lead", "seeded@example.test");

            var record = Assert.Single(_api.Emulator.Leads);
            Assert.Equal(id, record.Id);
            Assert.Equal("Seeded Lead", record.Name);
            Assert.Equal("seeded@example.test", record.Email);
            Assert.Equal(208231L, record.StatusId);
            Assert.True(JToken.DeepEquals(JObject.Parse(record.Json), _api.Get("/leads/" + id).AssertOk().Json));
            Assert.Equal("work", (string?)JObject.Parse(record.Json)["email"]!["category"]);
        }

        [Fact]
        public void Snapshots_do_not_change_with_the_store()
        {
            var id = _api.Emulator.SeedLead("Before");
            var snapshot = _api.Emulator.GetLead(id)!;

            _api.Put("/leads/" + id, new { name = "After" }).AssertOk();

            Assert.Equal("Before", snapshot.Name);
            Assert.Equal("After", _api.Emulator.GetLead(id)!.Name);
            Assert.Null(_api.Emulator.GetLead(1));
        }

        [Theory]
        [InlineData("", null)]
        [InlineData("Name", "not-an-email")]
        public void SeedLead_refuses_what_the_api_would_refuse(string name, string? email)
        {
            Assert.Throws<ArgumentException>(() => _api.Emulator.SeedLead(name, email));
            Assert.Equal(0, _api.Emulator.LeadCount);
        }

        [Theory]
        [InlineData("{\"title\":\"no name\"}")]
        [InlineData("{not json")]
        [InlineData("[]")]
        public void SeedLeadFromJson_refuses_what_the_api_would_refuse(string json)
        {
            var error = Assert.Throws<ArgumentException>(() => _api.Emulator.SeedLeadFromJson(json));
            Assert.False(string.IsNullOrEmpty(error.Message));
        }

        [Fact]
        public void Seeding_costs_no_rate_budget()
        {
            var api = new CopperTestApi(new SandboxOptions { RequestsPerMinute = 1 });
            for (var i = 0; i < 10; i++)
            {
                api.Emulator.SeedLead("Free " + i);
            }

            api.Get("/account").AssertOk();
        }
    }
}
