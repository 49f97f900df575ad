namespace LeadPS.Leads
{
    /// <summary>Input properties that say nothing about the lead, skipped without a warning.</summary>
    internal static class IgnoredInputProperties
    {
        public static readonly string[] All =
        {
            // Added by PowerShell to objects from jobs and remoting.
            "PSComputerName", "PSShowComputerName", "RunspaceId", "PSSourceJobInstanceId",
            // LeadPS's own output: they describe the result, not the lead.
            "Platform", "Outcome", "Input", "Connection", "Fields",
        };
    }
}
