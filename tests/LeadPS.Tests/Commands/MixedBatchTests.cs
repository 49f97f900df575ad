using System.Management.Automation;
using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Commands;

/// <summary>The invariant: every input yields exactly one output or exactly one error record, whose target is that input.</summary>
public sealed class MixedBatchTests : IDisposable
{
    // A fast rate window so 200 Copper requests stay within the paced budget in well under a second of waiting.
    private readonly SandboxSession _s = new(copperOptions: "@{ TimeScale = 600 }");

    public void Dispose() => _s.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    public void Copper_batch_of_200_mixed_inputs(int throttleLimit)
    {
        _s.CopperSandbox.Copper!.SeedLead("Twin A", "twin@example.test");
        _s.CopperSandbox.Copper!.SeedLead("Twin B", "twin@example.test");
        for (var i = 0; i < 20; i++)
        {
            _s.CopperSandbox.Copper!.SeedLead($"Existing {i}", $"row{i}@example.test");
        }

        var script = """
            $inputs = [System.Collections.ArrayList]::new()
            for ($i = 0; $i -lt 200; $i++) {
                $row = switch ($i % 10) {
                    0 { [pscustomobject]@{ name = "Conflict $i"; email = 'twin@example.test' } }
                    1 { [pscustomobject]@{ name = "Bad $i"; email = 'not-an-address' } }
                    2 { @{ name = "No email $i" } }
                    3 { [pscustomobject]@{ name = "Budget $i"; email = "b$i@example.test"; 'Estimated Budget' = 'lots' } }
                    default { [pscustomobject]@{ name = "Row $i"; email = "row$i@example.test"; 'Estimated Budget' = "$i" } }
                }
                $null = $inputs.Add($row)
            }
            $out = $inputs | Invoke-LeadUpsert -Connection $copper -ThrottleLimit $args[0] -ErrorVariable failed -ErrorAction SilentlyContinue
            , $inputs
            , @($out)
            , @($failed)
            """;

        AssertInvariant(_s.Run(script, throttleLimit), 120, 80);
        // 22 seeded; of the 120 good rows, the 12 with i in 4..9 and 14..19 update seeded leads, the rest create.
        Assert.Equal(22 + 108, _s.CopperSandbox.Copper!.Leads.Count);
    }

    [Fact]
    public void Ivvy_batch_of_200_mixed_inputs()
    {
        _s.IvvySandbox.Ivvy!.SeedLead("Duplicate", 208);
        _s.IvvySandbox.Ivvy!.SeedLead("Duplicate", 209);

        var script = """
            $inputs = [System.Collections.ArrayList]::new()
            for ($i = 0; $i -lt 200; $i++) {
                $row = switch ($i % 8) {
                    0 { @{ name = 'Duplicate'; description = "conflict $i" } }
                    1 { @{ name = "No stage $i"; contactId = 208; industryId = 22; sourceId = 31; typeId = 43 } }
                    2 { @{ name = "Unknown source $i"; contactId = 208; industryId = 22; sourceId = 9999; typeId = 43; stageId = 51 } }
                    3 { [pscustomobject]@{ name = "Event $([math]::Floor($i / 16))"; contactId = '209'; industryId = '21'; sourceId = '32'; typeId = '44'; stageId = '52' } }
                    default { [pscustomobject]@{ name = "Event $i"; contactId = '208'; industryId = '22'; sourceId = '31'; typeId = '43'; stageId = '51' } }
                }
                $null = $inputs.Add($row)
            }
            $out = $inputs | Invoke-LeadUpsert -Connection $ivvy -MatchField name -ErrorVariable failed -ErrorAction SilentlyContinue
            , $inputs
            , @($out)
            , @($failed)
            """;

        var (outputs, _) = AssertInvariant(_s.Run(script), 125, 75);
        var created = outputs.Count(o => ((Lead)o.BaseObject).Outcome == LeadOutcome.Created);
        Assert.Equal(_s.IvvySandbox.Ivvy!.Leads.Count - 2, created);
        Assert.Equal(_s.IvvySandbox.Ivvy!.Leads.Select(l => l.Name.ToLowerInvariant()).Distinct().Count(), _s.IvvySandbox.Ivvy!.Leads.Count - 1);
    }

    private static (IReadOnlyList<PSObject> Outputs, IReadOnlyList<ErrorRecord> Errors) AssertInvariant(ScriptResult result, int expectedOutputs, int expectedErrors)
    {
        Assert.Null(result.TerminatingRecord);
        var inputs = ((System.Collections.IEnumerable)result.Output[0].BaseObject).Cast<object>().Select(Unwrap).ToList();
        var outputs = ((object[])result.Output[1].BaseObject).Cast<PSObject>().ToList();
        var errors = ((object[])result.Output[2].BaseObject).Cast<object>().Select(e => (ErrorRecord)Unwrap(e)).ToList();

        Assert.Equal(200, inputs.Count);
        Assert.Equal(200, outputs.Count + errors.Count);
        Assert.Equal(expectedOutputs, outputs.Count);
        Assert.Equal(expectedErrors, errors.Count);

        var targets = errors.Select(e => Unwrap(e.TargetObject)).Concat(outputs.Select(o => Unwrap(((Lead)o.BaseObject).Input))).ToList();
        Assert.All(targets, t => Assert.Contains(inputs, i => ReferenceEquals(i, t)));
        Assert.Equal(200, targets.Distinct(ReferenceEqualityComparer.Instance).Count());
        return (outputs, errors);
    }

    private static object Unwrap(object? value) => value is PSObject ps && ps.BaseObject is not PSCustomObject ? ps.BaseObject : value!;
}
