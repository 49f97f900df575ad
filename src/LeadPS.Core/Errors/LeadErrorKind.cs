namespace LeadPS
{
    /// <summary>
    /// What went wrong, independent of the platform. The PowerShell layer turns each kind into
    /// the ErrorId and category of the design's error table.
    /// </summary>
    public enum LeadErrorKind
    {
        /// <summary>An error the platform reported that fits no other kind.</summary>
        Unknown,
        MatchConflict,
        RequestEmpty,
        NotFound,
        Invalid,
        RequestStale,
        ParameterInvalid,
        ParameterMissing,
        Unauthorized,
        Forbidden,
        Throttled,
        Unavailable,
        /// <summary>The platform answered success with a body that could not be read.</summary>
        InvalidResponse,
    }
}
