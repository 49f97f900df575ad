using System;
using System.Management.Automation;
using System.Threading;
using LeadPS.Sandbox;
using LeadPS.Sandbox.Hosting;

namespace LeadPS.Loopback
{
    /// <summary>
    /// A Sandbox serving one platform's API on a loopback port (what Start-LeadSandbox returns):
    /// where to send requests, the credential it accepts, the Sandbox's read-only views, and Stop().
    /// </summary>
    public sealed class LeadSandboxServer : IDisposable
    {
        private readonly SandboxLoopbackServer _server;
        private int _stopped;

        internal LeadSandboxServer(LeadSandbox sandbox, SandboxLoopbackServer server, PSCredential credential, string? wellKnownSecret)
        {
            Sandbox = sandbox;
            _server = server;
            Credential = credential;
            Secret = wellKnownSecret;
            BaseUri = sandbox.BaseAddressOf(server);
        }

        public LeadPlatform Platform => Sandbox.Platform;

        /// <summary>The API's base address: <c>http://127.0.0.1:{port}/</c>, plus <c>developer_api/v1/</c> for Copper.</summary>
        public Uri BaseUri { get; }

        public int Port => _server.Port;

        /// <summary>Copper: the e-mail sent as X-PW-UserEmail. iVvy: the API key.</summary>
        public string UserName => Credential.UserName;

        /// <summary>
        /// The Sandbox's well-known test secret (Copper token or iVvy API secret) when it runs with
        /// the well-known credential; null when the credential was chosen by the caller, which is never shown.
        /// </summary>
        public string? Secret { get; }

        /// <summary>The credential the Sandbox accepts, ready for Connect-LeadApi -BaseUri ... -Credential.</summary>
        public PSCredential Credential { get; }

        /// <summary>The Sandbox itself: its store and the requests it received, for assertions.</summary>
        public LeadSandbox Sandbox { get; }

        public bool IsRunning => Volatile.Read(ref _stopped) == 0;

        /// <summary>Stops listening and resets open connections; stopping twice is harmless.</summary>
        public void Stop()
        {
            if (Interlocked.Exchange(ref _stopped, 1) == 0)
            {
                _server.Dispose();
            }
        }

        public void Dispose() => Stop();

        public override string ToString() => $"{Platform.DisplayName()} Sandbox at {BaseUri} ({(IsRunning ? "running" : "stopped")})";
    }
}
