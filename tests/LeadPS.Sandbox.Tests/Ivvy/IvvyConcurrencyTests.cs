using LeadPS.Sandbox.Ivvy;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Ivvy;

public class IvvyConcurrencyTests
{
    [Fact]
    public void Parallel_adds_get_unique_ids_and_all_are_stored()
    {
        var api = new IvvyTestApi();
        const int count = 400;

        var replies = new IvvyReply[count];
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            replies[i] = api.AddLead(IvvyTestApi.ValidContactLead("Parallel " + i));
        });

        Assert.All(replies, r => Assert.Equal(200, r.Status));
        var ids = replies.Select(r => r.Id).ToList();
        Assert.Equal(count, ids.Distinct().Count());
        Assert.Equal(ids.OrderBy(id => id), api.Emulator.Leads.Select(l => l.Id));
        Assert.Equal(
            Enumerable.Range(0, count).Select(i => "Parallel " + i).OrderBy(n => n, StringComparer.Ordinal),
            api.Emulator.Leads.Select(l => l.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Parallel_nested_contacts_get_unique_ids()
    {
        var api = new IvvyTestApi();

        Parallel.For(0, 100, i =>
        {
            var body = IvvyTestApi.ValidContactLead("Nested " + i);
            body.Remove("contactId");
            body["contact"] = new JObject { ["firstName"] = "P", ["lastName"] = i.ToString(), ["email"] = "p" + i + "@parallel.example" };
            Assert.Equal(200, api.AddLead(body).Status);
        });

        var leadContacts = api.Emulator.Leads.Select(l => l.ContactId!.Value).ToList();
        Assert.Equal(100, leadContacts.Distinct().Count());
        Assert.Equal(110, api.Emulator.Contacts.Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Reads_and_writes_can_interleave()
    {
        var api = new IvvyTestApi();

        Parallel.For(0, 200, i =>
        {
            if (i % 2 == 0)
            {
                Assert.Equal(200, api.AddLead(IvvyTestApi.ValidContactLead("Mixed " + i)).Status);
            }
            else
            {
                var page = api.LeadList("""{"perPage":100}""");
                Assert.Equal(200, page.Status);
                Assert.Equal(Math.Min(100, (int)page.Meta["totalResults"]!), (int)page.Meta["count"]!);
                _ = api.Emulator.Leads;
            }
        });

        Assert.Equal(100, api.Emulator.Leads.Count);
    }

    [Fact]
    public void Separate_emulators_share_nothing()
    {
        var first = new IvvyTestApi();
        var second = new IvvyTestApi();

        first.Emulator.SeedLead("Only in the first", IvvySeedIds.ContactJackTaylor);

        Assert.Single(first.Emulator.Leads);
        Assert.Empty(second.Emulator.Leads);
        Assert.Equal(IvvySeedIds.FirstLeadId, second.Emulator.SeedLead("First here too", IvvySeedIds.ContactJackTaylor));
    }
}
