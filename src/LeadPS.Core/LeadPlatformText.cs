namespace LeadPS
{
    /// <summary>How messages name platforms and counts: the brands as users read them ("iVvy", not the enum's "Ivvy").</summary>
    public static class LeadPlatformText
    {
        public static string DisplayName(this LeadPlatform platform) => platform == LeadPlatform.Ivvy ? "iVvy" : "Copper";

        /// <summary>"1 request", "2 requests"; irregular plurals given: Count(n, "retry", "retries").</summary>
        public static string Count(long count, string noun, string? plural = null) =>
            count == 1 ? $"1 {noun}" : $"{count} {plural ?? noun + "s"}";
    }
}
