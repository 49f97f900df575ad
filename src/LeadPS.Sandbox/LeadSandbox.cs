using System;
using System.Net.Http;
using LeadPS.Sandbox.Copper;
using LeadPS.Sandbox.Hosting;
using LeadPS.Sandbox.Ivvy;

namespace LeadPS.Sandbox
{
    /// <summary>
    /// One emulated platform account: its store, its clock, its knobs and the requests it received.
    /// Serve it in memory (<see cref="CreateHandler"/>, what <c>Connect-LeadApi -Sandbox</c> does)
    /// or on a loopback port (<see cref="StartLoopback"/>) to cross a real socket.
    /// </summary>
    public sealed class LeadSandbox
    {
        private readonly SandboxHost _host;

        public LeadSandbox(LeadPlatform platform, SandboxOptions? options = null)
        {
            Platform = platform;
            Options = (options ?? new SandboxOptions()).Clone();
            Clock = new SandboxClock(Options.TimeScale, Options.ClockOffset);
            Requests = new SandboxRequestLog(Options.RequestLogCapacity);
            ISandboxPlatform emulator;
            if (platform == LeadPlatform.Copper)
            {
                Copper = new CopperEmulator(Options, Clock);
                emulator = Copper;
            }
            else
            {
                Ivvy = new IvvyEmulator(Options, Clock);
                emulator = Ivvy;
            }

            _host = new SandboxHost(emulator, Options, Clock, Requests);
        }

        public LeadPlatform Platform { get; }

        /// <summary>The knobs this sandbox was made with (a copy: change them by making a new sandbox).</summary>
        public SandboxOptions Options { get; }

        public SandboxClock Clock { get; }

        /// <summary>The requests received, newest last, authentication headers masked.</summary>
        public SandboxRequestLog Requests { get; }

        /// <summary>The Copper emulator and its store, when this sandbox is Copper.</summary>
        public CopperEmulator? Copper { get; }

        /// <summary>The iVvy emulator and its store, when this sandbox is iVvy.</summary>
        public IvvyEmulator? Ivvy { get; }

        /// <summary>The address in-memory requests are made to; it is never resolved or dialled.</summary>
        public Uri InMemoryBaseAddress => Platform == LeadPlatform.Copper
            ? new Uri("https://copper.sandbox.leadps.invalid/developer_api/v1/")
            : new Uri("https://ivvy.sandbox.leadps.invalid/");

        /// <summary>A handler that serves this sandbox from memory; the HttpClient that takes it owns it.</summary>
        public HttpMessageHandler CreateHandler() => new SandboxMessageHandler(_host);

        /// <summary>Serves this sandbox on 127.0.0.1; dispose the server to stop it.</summary>
        public SandboxLoopbackServer StartLoopback(int port = 0) => new SandboxLoopbackServer(_host, port);

        /// <summary>The base address for a loopback server of this sandbox (adds Copper's API path).</summary>
        public Uri BaseAddressOf(SandboxLoopbackServer server) => Platform == LeadPlatform.Copper
            ? new Uri(server.BaseAddress, "developer_api/v1/")
            : server.BaseAddress;

        public override string ToString() => $"{Platform.DisplayName()} Sandbox ({UserText.Count(Requests.TotalCount, "request")} received)";
    }
}
