namespace LeadPS.Sandbox.Hosting
{
    /// <summary>
    /// One emulated platform. Implementations keep their store in memory, are safe to call from
    /// many threads at once, and answer every request (errors are responses, never exceptions).
    /// </summary>
    public interface ISandboxPlatform
    {
        SandboxResponse Handle(SandboxRequest request);
    }
}
