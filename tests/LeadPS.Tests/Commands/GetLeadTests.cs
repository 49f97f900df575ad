using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Commands;

public sealed class GetLeadTests : IDisposable
{
    private readonly SandboxSession _s = new();

    public void Dispose() => _s.Dispose();

    [Fact]
    public void Copper_by_id_and_a_missing_id_is_a_non_terminating_LeadNotFound()
    {
        var id = _s.CopperSandbox.Copper!.SeedLead("Found Me", "found@example.test");

        var result = _s.Run("Get-Lead -Connection $copper -Id $args[0], 999; 'after'", id);

        var lead = (CopperLead)result.Output[0].BaseObject;
        Assert.Equal("Found Me", lead.Name);
        Assert.Equal(LeadOutcome.Retrieved, lead.Outcome);
        Assert.Equal("after", result.Output[1].ToString());
        var record = Assert.Single(result.Errors);
        Assert.Equal("LeadNotFound", record.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(999L, record.TargetObject);
    }

    [Fact]
    public void Copper_search_reads_every_page()
    {
        for (var i = 0; i < 450; i++)
        {
            _s.CopperSandbox.Copper!.SeedLead($"Bulk {i:000}", $"bulk{i}@example.test");
        }

        var result = _s.Run("Get-Lead -Connection $copper -Name 'Bulk*'").ThrowIfErrors();

        Assert.Equal(450, result.Output.Count);
        Assert.Equal(3, _s.CopperSandbox.Requests.Snapshot().Count(r => r.PathAndQuery.EndsWith("/leads/search")));
    }

    [Fact]
    public void Copper_search_by_email_and_paging_parameters()
    {
        for (var i = 0; i < 5; i++)
        {
            _s.CopperSandbox.Copper!.SeedLead($"Page {i}", $"page{i}@example.test");
        }

        var byEmail = _s.Run("Get-Lead -Connection $copper -Email 'PAGE3@example.test'").ThrowIfErrors();
        var paged = _s.Run("Get-Lead -Connection $copper -Name 'Page*' -Skip 1 -First 2").ThrowIfErrors();

        Assert.Equal("Page 3", ((CopperLead)Assert.Single(byEmail.Output).BaseObject).Name);
        Assert.Equal(new[] { "Page 1", "Page 2" }, paged.Output.Select(o => ((CopperLead)o.BaseObject).Name).OrderBy(n => n));
    }

    [Fact]
    public void Ivvy_by_id_name_and_contact_email_across_pages()
    {
        for (var i = 0; i < 230; i++)
        {
            _s.IvvySandbox.Ivvy!.SeedLead($"Event {i:000}", i % 2 == 0 ? 208 : 209);
        }

        var byName = _s.Run("Get-Lead -Connection $ivvy -Name 'event 2*'").ThrowIfErrors();
        var byEmail = _s.Run("Get-Lead -Connection $ivvy -Email 'zoe.martin@mail.example'").ThrowIfErrors();
        var byId = _s.Run("Get-Lead -Connection $ivvy -Id 1005").ThrowIfErrors();

        Assert.Equal(30, byName.Output.Count);
        Assert.Equal(115, byEmail.Output.Count);
        Assert.Equal("Event 004", ((IvvyLead)Assert.Single(byId.Output).BaseObject).Name);
    }

    [Fact]
    public void Ivvy_missing_id_is_LeadNotFound()
    {
        var result = _s.Run("Get-Lead -Connection $ivvy -Id 777");

        Assert.Equal("LeadNotFound", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
    }
}
