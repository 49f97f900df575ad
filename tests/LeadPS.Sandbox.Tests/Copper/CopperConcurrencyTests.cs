using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Copper
{
    public sealed class CopperConcurrencyTests
    {
        [Fact]
        public void Parallel_creates_get_unique_ids()
        {
            var api = new CopperTestApi();
            var ids = new System.Collections.Concurrent.ConcurrentBag<long>();

            Parallel.For(0, 500, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
                ids.Add(api.Post("/leads", new { name = "Parallel " + i }).AssertOk().Id));

            Assert.Equal(500, ids.Distinct().Count());
            Assert.Equal(500, api.Emulator.LeadCount);
            Assert.Equal(ids.OrderBy(id => id), api.Emulator.Leads.Select(lead => lead.Id));
        }

        [Fact]
        public void Parallel_upserts_of_one_email_create_exactly_one_lead()
        {
            var api = new CopperTestApi();
            var results = new System.Collections.Concurrent.ConcurrentBag<long>();

            Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
                results.Add(api.Send("PUT", "/leads/upsert", CopperSeed.UpsertBody).AssertOk().Id));

            Assert.Equal(1, api.Emulator.LeadCount);
            Assert.Single(results.Distinct());
        }

        [Fact]
        public void Parallel_mixed_traffic_never_throws_and_keeps_the_store_consistent()
        {
            var api = new CopperTestApi();
            var seeded = Enumerable.Range(0, 50).Select(i => api.Emulator.SeedLead("Mixed " + i, $"mixed{i}@example.test")).ToArray();

            Parallel.For(0, 1000, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
            {
                var id = seeded[i % seeded.Length];
                var status = (i % 5) switch
                {
                    0 => api.Put("/leads/" + id, new { title = "T" + i }).Status,
                    1 => api.Search(new { name = "Mixed", page_size = 10 }).Status,
                    2 => api.Upsert(new { details = "D" + i }, "email", $"mixed{i % 50}@example.test").Status,
                    3 => api.Get("/leads/" + id).Status,
                    _ => api.Send("PUT", "/leads/upsert", "{broken").Status,
                };
                Assert.Contains(status, new[] { 200, 400 });
            });

            Assert.Equal(50, api.Emulator.LeadCount);
            Assert.All(api.Emulator.Leads, lead => Assert.Equal(lead.Id, (long)JObject.Parse(lead.Json)["id"]!));
        }
    }
}
