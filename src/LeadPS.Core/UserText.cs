namespace LeadPS
{
    /// <summary>How messages name things: platforms by their brands ("iVvy", not the enum's "Ivvy"), counts in the right number.</summary>
    public static class UserText
    {
        public static string DisplayName(this LeadPlatform platform) => platform == LeadPlatform.Ivvy ? "iVvy" : "Copper";

        /// <summary>"1 request", "2 requests"; irregular plurals given: Count(n, "retry", "retries").</summary>
        public static string Count(long count, string noun, string? plural = null) =>
            count == 1 ? $"1 {noun}" : $"{count} {plural ?? noun + "s"}";
    }
}
