using System.Collections;
using LeadPS.Http;
using LeadPS.Sandbox;
using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Commands;

/// <summary>A request that may already have created a lead is never blindly resent.</summary>
public sealed class NoDuplicateTests : IDisposable
{
    private readonly PowerShellSession _session = new();

    public void Dispose() => _session.Dispose();

    private static bool IsCopperCreate(HttpRequestMessage r) => r.Method == HttpMethod.Post && r.RequestUri!.AbsolutePath.EndsWith("/leads");

    private static bool IsIvvyAdd(HttpRequestMessage r) => r.RequestUri!.Query.Contains("addOrUpdateLead");

    [Fact]
    public void Copper_add_whose_answer_was_lost_after_it_was_stored_is_reported_not_resent()
    {
        var sandbox = new LeadSandbox(LeadPlatform.Copper, LosingHandler.OptionsFor(LeadPlatform.Copper));
        var handler = new LosingHandler(sandbox, IsCopperCreate, toLose: 1, afterProcessing: true);
        using var connection = LosingHandler.Connect(sandbox, handler);

        var result = Run(connection, "@{ name = 'Lost Answer'; email = 'lost@example.test' } | Set-Lead -Connection $c");

        var record = Assert.Single(result.Errors);
        Assert.Equal("LeadApiUnavailable", record.FullyQualifiedErrorId.Split(',')[0]);
        var stored = Assert.Single(sandbox.Copper!.Leads);
        Assert.Contains(stored.Id.ToString(), record.Exception.Message);
        Assert.Contains("not sent again", record.Exception.Message);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Copper_add_whose_answer_was_lost_before_it_was_stored_is_sent_again()
    {
        var sandbox = new LeadSandbox(LeadPlatform.Copper, LosingHandler.OptionsFor(LeadPlatform.Copper));
        var handler = new LosingHandler(sandbox, IsCopperCreate, toLose: 1, afterProcessing: false);
        using var connection = LosingHandler.Connect(sandbox, handler);

        var result = Run(connection, "@{ name = 'Retried'; email = 'retried@example.test' } | Set-Lead -Connection $c").ThrowIfErrors();

        Assert.Equal(LeadOutcome.Created, ((CopperLead)Assert.Single(result.Output).BaseObject).Outcome);
        Assert.Single(sandbox.Copper!.Leads);
        Assert.Equal(1, handler.Lost);
    }

    [Fact]
    public void Ivvy_upsert_recognises_the_lead_its_lost_add_created()
    {
        var sandbox = new LeadSandbox(LeadPlatform.Ivvy, LosingHandler.OptionsFor(LeadPlatform.Ivvy));
        sandbox.Ivvy!.SeedLead("Older lead, same contact", 208);
        var handler = new LosingHandler(sandbox, IsIvvyAdd, toLose: 1, afterProcessing: true);
        using var connection = LosingHandler.Connect(sandbox, handler);

        var result = Run(connection, "@{ name = 'Lost add'; contactId = 208; industryId = 22; sourceId = 31; typeId = 43; stageId = 51 } | Invoke-LeadUpsert -Connection $c -MatchField name").ThrowIfErrors();

        var lead = (IvvyLead)Assert.Single(result.Output).BaseObject;
        Assert.Equal(LeadOutcome.Created, lead.Outcome);
        Assert.Equal(2, sandbox.Ivvy.Leads.Count);
        Assert.Equal(lead.Id, sandbox.Ivvy.Leads.Single(l => l.Name == "Lost add").Id);
    }

    [Fact]
    public void Ivvy_add_lost_after_it_was_stored_is_reported_and_lost_before_is_resent()
    {
        var sandbox = new LeadSandbox(LeadPlatform.Ivvy, LosingHandler.OptionsFor(LeadPlatform.Ivvy));
        var after = new LosingHandler(sandbox, IsIvvyAdd, toLose: 1, afterProcessing: true);
        using (var connection = LosingHandler.Connect(sandbox, after))
        {
            var result = Run(connection, "@{ name = 'Set lost'; contactId = 208; industryId = 22; sourceId = 31; typeId = 43; stageId = 51 } | Set-Lead -Connection $c");
            Assert.Equal("LeadApiUnavailable", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
        }

        var before = new LosingHandler(sandbox, IsIvvyAdd, toLose: 1, afterProcessing: false);
        using (var connection = LosingHandler.Connect(sandbox, before))
        {
            var result = Run(connection, "@{ name = 'Set resent'; contactId = 209; industryId = 22; sourceId = 31; typeId = 43; stageId = 51 } | Set-Lead -Connection $c").ThrowIfErrors();
            Assert.Equal(LeadOutcome.Created, ((IvvyLead)Assert.Single(result.Output).BaseObject).Outcome);
        }

        Assert.Equal(new[] { "Set lost", "Set resent" }, sandbox.Ivvy!.Leads.Select(l => l.Name));
    }

    [Fact]
    public void Copper_upserts_are_idempotent_and_simply_retried()
    {
        var sandbox = new LeadSandbox(LeadPlatform.Copper, LosingHandler.OptionsFor(LeadPlatform.Copper));
        var handler = new LosingHandler(sandbox, r => r.RequestUri!.AbsolutePath.EndsWith("/leads/upsert"), toLose: 2, afterProcessing: true);
        using var connection = LosingHandler.Connect(sandbox, handler);

        var result = Run(connection, "@{ name = 'Upserted'; email = 'up@example.test' } | Invoke-LeadUpsert -Connection $c").ThrowIfErrors();

        Assert.Single(result.Output);
        Assert.Single(sandbox.Copper!.Leads);
        Assert.Equal(2, handler.Lost);
    }

    [Fact]
    public void Copper_upsert_matching_on_a_value_its_properties_lack_is_not_resent()
    {
        var sandbox = new LeadSandbox(LeadPlatform.Copper, LosingHandler.OptionsFor(LeadPlatform.Copper));
        var handler = new LosingHandler(sandbox, r => r.RequestUri!.AbsolutePath.EndsWith("/leads/upsert"), toLose: 1, afterProcessing: true);
        using var connection = LosingHandler.Connect(sandbox, handler);

        // The lead it creates carries new@ but is matched on old@: a resend would create a second one.
        var result = Run(connection, "@{ name = 'Moved'; email = 'new@example.test' } | Invoke-LeadUpsert -Connection $c -MatchField email -MatchValue 'old@example.test'");

        Assert.Equal("LeadApiUnavailable", Assert.Single(result.Errors).FullyQualifiedErrorId.Split(',')[0]);
        Assert.Single(sandbox.Copper!.Leads);
        Assert.Equal(1, handler.Lost);
    }

    private ScriptResult Run(LeadApiConnection connection, string script) =>
        _session.RunWith(script, new Hashtable { ["c"] = connection });
}
