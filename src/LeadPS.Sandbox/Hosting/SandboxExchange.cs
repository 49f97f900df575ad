namespace LeadPS.Sandbox.Hosting
{
    /// <summary>What the transport must do with one request: answer it, drop the connection, or hang.</summary>
    public sealed class SandboxExchange
    {
        private SandboxExchange(SandboxResponse? response, SandboxFault fault)
        {
            Response = response;
            Fault = fault;
        }

        /// <summary>The answer to send; null when the connection must be dropped or left hanging.</summary>
        public SandboxResponse? Response { get; }

        public SandboxFault Fault { get; }

        public bool DropConnection => Fault == SandboxFault.DropConnection;

        public bool Hang => Fault == SandboxFault.Timeout;

        internal static SandboxExchange Answer(SandboxResponse response, SandboxFault fault = SandboxFault.None) => new SandboxExchange(response, fault);

        internal static SandboxExchange Without(SandboxFault fault) => new SandboxExchange(null, fault);
    }
}
