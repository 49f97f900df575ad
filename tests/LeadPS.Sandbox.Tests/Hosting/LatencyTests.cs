using System.Diagnostics;
using LeadPS.Sandbox.Hosting;

namespace LeadPS.Sandbox.Tests.Hosting;

/// <summary><see cref="SandboxOptions.Latency"/> is added before every answer, whatever the transport.</summary>
public sealed class LatencyTests
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// Task.Delay runs on a millisecond timer read from a coarse clock, while Stopwatch is precise:
    /// a delay may be measured a few milliseconds short. Only a lower bound is asserted.
    /// </summary>
    private static readonly TimeSpan TimerGranularity = TimeSpan.FromMilliseconds(16);

    [Theory]
    [InlineData(Transport.InMemory)]
    [InlineData(Transport.Loopback)]
    public async Task Copper_answers_wait_at_least_the_latency(Transport transport)
    {
        using var hosted = HostedSandbox.Copper(transport, new SandboxOptions { RequestsPerMinute = 0, Latency = Latency });

        var watch = Stopwatch.StartNew();
        var reply = await hosted.SendAsync(hosted.CopperRequest(HttpMethod.Get, "account"));
        watch.Stop();

        reply.AssertStatus(200);
        AssertAtLeastLatency(watch.Elapsed);
    }

    [Theory]
    [InlineData(Transport.InMemory)]
    [InlineData(Transport.Loopback)]
    public async Task Ivvy_answers_wait_at_least_the_latency(Transport transport)
    {
        using var hosted = HostedSandbox.Ivvy(transport, new SandboxOptions { Latency = Latency });

        var watch = Stopwatch.StartNew();
        var reply = await hosted.SendAsync(hosted.IvvyRequest("/api/1.0/test?action=ping", string.Empty));
        watch.Stop();

        reply.AssertStatus(200);
        AssertAtLeastLatency(watch.Elapsed);
    }

    [Theory]
    [InlineData(Transport.InMemory)]
    [InlineData(Transport.Loopback)]
    public async Task Injected_faults_also_wait_for_the_latency(Transport transport)
    {
        using var hosted = HostedSandbox.Copper(transport, new SandboxOptions
        {
            RequestsPerMinute = 0,
            Latency = Latency,
            Faults = SandboxFault.ServerError,
            FaultRate = 1.0,
        });

        var watch = Stopwatch.StartNew();
        var reply = await hosted.SendAsync(hosted.CopperRequest(HttpMethod.Get, "account"));
        watch.Stop();

        reply.AssertStatus(503);
        AssertAtLeastLatency(watch.Elapsed);
    }

    [Fact]
    public async Task Parallel_requests_each_wait_the_latency_and_all_are_answered()
    {
        using var hosted = HostedSandbox.Copper(Transport.InMemory, new SandboxOptions { RequestsPerMinute = 0, Latency = Latency });

        var timings = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            var watch = Stopwatch.StartNew();
            var reply = await hosted.SendAsync(hosted.CopperRequest(HttpMethod.Get, "account"));
            watch.Stop();
            reply.AssertStatus(200);
            return watch.Elapsed;
        }));

        Assert.All(timings, AssertAtLeastLatency);
        Assert.Equal(8, hosted.Sandbox.Requests.TotalCount);
    }

    private static void AssertAtLeastLatency(TimeSpan elapsed) =>
        Assert.True(elapsed >= Latency - TimerGranularity, $"answered after {elapsed.TotalMilliseconds} ms, latency {Latency.TotalMilliseconds} ms");
}
