namespace LeadPS.Leads
{
    /// <summary>
    /// Failures after which a request may have been carried out although no usable answer came:
    /// a dropped connection, a timeout, a server error, or a success whose body could not be read.
    /// Resending an add after one of these could create the lead twice.
    /// </summary>
    internal static class LostAnswer
    {
        public static bool Is(LeadApiException exception) =>
            exception.ErrorKind == LeadErrorKind.InvalidResponse
            || (exception.ErrorKind == LeadErrorKind.Unavailable && (exception.StatusCode == null || exception.StatusCode >= 500));

        public static LeadApiException Ambiguous(LeadPlatform platform, LeadApiException lost, string lead, System.Collections.Generic.IReadOnlyList<long> candidates) =>
            new LeadApiUnavailableException(
                $"{lost.Message} The answer to adding {lead} was lost, and {platform} now has {candidates.Count} matching lead(s) ({string.Join(", ", candidates)}) that this request may have created. It was not sent again, to avoid a duplicate: check those leads, then re-run this input with Set-Lead -Id or Invoke-LeadUpsert.",
                platform, lost.StatusCode, lost.ServerMessage, lost.ResponseBody, lost.Request, lost);
    }
}
