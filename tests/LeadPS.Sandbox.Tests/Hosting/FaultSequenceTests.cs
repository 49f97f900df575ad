using LeadPS.Sandbox.Hosting;

namespace LeadPS.Sandbox.Tests.Hosting;

/// <summary><see cref="SandboxOptions.RandomSeed"/> makes a run with faults repeatable.</summary>
public sealed class FaultSequenceTests
{
    private const int RequestCount = 40;

    private const SandboxFault Answered = SandboxFault.ServerError | SandboxFault.TooManyRequests | SandboxFault.MalformedBody;

    private const SandboxFault WithDrops = Answered | SandboxFault.DropConnection;

    [Fact]
    public async Task The_same_seed_gives_the_same_fault_sequence_in_memory()
    {
        var first = await RunAsync(Transport.InMemory, WithDrops, seed: 4242);
        var second = await RunAsync(Transport.InMemory, WithDrops, seed: 4242);

        Assert.Equal(first, second);
        AssertWorthComparing(first);
        Assert.Contains("DropConnection", first);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_fault_sequence_over_the_socket()
    {
        var first = await RunAsync(Transport.Loopback, Answered, seed: 4242);
        var second = await RunAsync(Transport.Loopback, Answered, seed: 4242);

        Assert.Equal(first, second);
        AssertWorthComparing(first);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_fault_sequence_with_drops_over_the_socket()
    {
        var first = await RunAsync(Transport.Loopback, WithDrops, seed: 4242);
        var second = await RunAsync(Transport.Loopback, WithDrops, seed: 4242);

        Assert.Equal(first, second);
        Assert.Contains("DropConnection", first);
    }

    [Fact]
    public async Task The_sequence_is_the_same_in_memory_and_over_the_socket()
    {
        var inMemory = await RunAsync(Transport.InMemory, Answered, seed: 99);

        Assert.Equal(inMemory, await RunAsync(Transport.Loopback, Answered, seed: 99));
        AssertWorthComparing(inMemory);
    }

    [Fact]
    public async Task Another_seed_gives_another_sequence()
    {
        Assert.NotEqual(await RunAsync(Transport.InMemory, WithDrops, seed: 4242), await RunAsync(Transport.InMemory, WithDrops, seed: 4243));
    }

    /// <summary>The run mixes normal answers and several kinds of fault, so equal runs mean something.</summary>
    private static void AssertWorthComparing(List<string> faults)
    {
        Assert.Contains("None", faults);
        Assert.True(faults.Where(o => o != "None").Distinct().Count() >= 2, string.Join(", ", faults));
    }

    /// <summary>
    /// Sends the same requests one after the other and returns, per request, what the client saw
    /// and the fault the log recorded; also checks the log agrees with the client.
    /// </summary>
    private static async Task<List<string>> RunAsync(Transport transport, SandboxFault faults, int seed)
    {
        using var hosted = HostedSandbox.Copper(transport, new SandboxOptions
        {
            RequestsPerMinute = 0,
            Faults = faults,
            FaultRate = 0.4,
            ThrottleBurstLength = 2,
            RandomSeed = seed,
        });

        var seen = new List<string>();
        for (var i = 0; i < RequestCount; i++)
        {
            try
            {
                var reply = await hosted.SendAsync(hosted.CopperRequest(HttpMethod.Get, "account"));
                seen.Add(reply.Status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (HttpRequestException)
            {
                seen.Add("dropped");
            }
        }

        var records = hosted.Sandbox.Requests.Snapshot();
        Assert.Equal(RequestCount, records.Count);
        for (var i = 0; i < RequestCount; i++)
        {
            var expected = records[i].Fault switch
            {
                SandboxFault.None => "200",
                SandboxFault.MalformedBody => "200",
                SandboxFault.ServerError => "503",
                SandboxFault.TooManyRequests => "429",
                SandboxFault.DropConnection => "dropped",
                var other => other.ToString(),
            };
            Assert.True(expected == seen[i], $"request {i + 1}: the log says {records[i].Fault}, the client saw {seen[i]}");
        }

        return records.Select(r => r.Fault.ToString()).ToList();
    }
}
