namespace LeadPS.Sandbox
{
    /// <summary>
    /// The well-known credentials a Sandbox accepts when nobody chose others (like a storage
    /// emulator's well-known key). They are published in docs/sandbox.md and valid nowhere else,
    /// so a Sandbox may show them; a credential a user chose is never shown.
    /// </summary>
    public static class SandboxCredentials
    {
        public const string CopperUserEmail = "sandbox@leadps.test";
        public const string CopperApiToken = "sandbox-copper-token";
        public const string IvvyApiKey = "SANDBOXKEY";
        /// <summary>Also <see cref="SandboxOptions.IvvyApiSecret"/>'s default, so a Sandbox given only a key accepts it.</summary>
        public const string IvvyApiSecret = "sandbox-secret";
    }
}
