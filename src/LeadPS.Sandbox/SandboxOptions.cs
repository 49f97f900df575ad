using System;

namespace LeadPS.Sandbox
{
    /// <summary>Faults the Sandbox can inject, at <see cref="SandboxOptions.FaultRate"/>.</summary>
    [Flags]
    public enum SandboxFault
    {
        None = 0,
        /// <summary>500/502/503 with a platform error body.</summary>
        ServerError = 1,
        /// <summary>A burst of 429 answers.</summary>
        TooManyRequests = 2,
        /// <summary>The connection drops before any answer.</summary>
        DropConnection = 4,
        /// <summary>No answer until the client gives up.</summary>
        Timeout = 8,
        /// <summary>A 200 whose body is not valid JSON.</summary>
        MalformedBody = 16,
        All = ServerError | TooManyRequests | DropConnection | Timeout | MalformedBody,
    }

    /// <summary>What iVvy's getLeadList does with a <c>filter</c>, for testing clients against a platform that differs.</summary>
    public enum SandboxFilterSupport
    {
        /// <summary>Filters are applied (docs/sandbox-ivvy.md lists the keys).</summary>
        Honoured = 0,
        /// <summary>The filter is ignored: every lead is listed, as if none had been sent.</summary>
        Ignored = 1,
        /// <summary>Any non-empty filter is refused with 400, specific code 23016 "'filter' does not validate".</summary>
        Refused = 2,
    }

    /// <summary>The Sandbox's knobs. Settable from C# and, as a hashtable, from PowerShell.</summary>
    public sealed class SandboxOptions
    {
        /// <summary>Added before every answer.</summary>
        public TimeSpan Latency { get; set; } = TimeSpan.Zero;

        /// <summary>Copper's rolling-window budget; 0 or less turns the limit off.</summary>
        public int RequestsPerMinute { get; set; } = 180;

        /// <summary>How much faster than real time the rate window runs (60: a minute lasts a second).</summary>
        public double TimeScale { get; set; } = 1.0;

        /// <summary>Probability (0..1) that a request meets one of <see cref="Faults"/> instead of the platform.</summary>
        public double FaultRate { get; set; }

        public SandboxFault Faults { get; set; } = SandboxFault.None;

        /// <summary>How many 429s in a row a TooManyRequests fault answers.</summary>
        public int ThrottleBurstLength { get; set; } = 3;

        /// <summary>The server's clock minus the real one; iVvy refuses requests over 5 minutes off.</summary>
        public TimeSpan ClockOffset { get; set; } = TimeSpan.Zero;

        /// <summary>How many received requests the Sandbox remembers for assertions (the oldest are forgotten first).</summary>
        public int RequestLogCapacity { get; set; } = 10000;

        /// <summary>Seed for fault injection, so a run can be repeated.</summary>
        public int RandomSeed { get; set; } = 20261123;

        /// <summary>Copper user the sandbox accepts; null accepts any non-empty e-mail.</summary>
        public string? CopperUserEmail { get; set; }

        /// <summary>Copper token the sandbox accepts; null accepts any non-empty token. Write-only: a secret is never read back.</summary>
        public string? CopperApiToken { internal get; set; }

        /// <summary>iVvy API key the sandbox accepts; null accepts any key (the signature is still checked).</summary>
        public string? IvvyApiKey { get; set; }

        /// <summary>iVvy API secret requests must be signed with. Write-only: a secret is never read back.</summary>
        public string IvvyApiSecret { internal get; set; } = "sandbox-secret";

        /// <summary>Whether iVvy's getLeadList honours, ignores or refuses filters (the other lists always honour them).</summary>
        public SandboxFilterSupport IvvyLeadListFilters { get; set; } = SandboxFilterSupport.Honoured;

        public SandboxOptions Clone() => (SandboxOptions)MemberwiseClone();
    }
}
