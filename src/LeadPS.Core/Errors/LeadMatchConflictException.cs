using System;
using System.Collections.Generic;

namespace LeadPS
{
    /// <summary>
    /// An upsert matched more than one lead, so the platform would not choose. The matching ids
    /// are listed when the platform gave them (2 to 30 matches); above 30 it withholds them and
    /// <see cref="MatchCountExceedsLimit"/> is true.
    /// </summary>
    public class LeadMatchConflictException : LeadApiException
    {
        public LeadMatchConflictException(
            string message,
            LeadPlatform platform,
            IReadOnlyList<long> matchingLeadIds,
            bool matchCountExceedsLimit,
            string? matchField = null,
            int? statusCode = null,
            string? serverMessage = null,
            string? responseBody = null,
            string? request = null)
            : base(message, LeadErrorKind.MatchConflict, platform, statusCode, null, serverMessage, responseBody, null, request)
        {
            MatchingLeadIds = matchingLeadIds ?? Array.Empty<long>();
            MatchCountExceedsLimit = matchCountExceedsLimit;
            MatchField = matchField;
        }

        public IReadOnlyList<long> MatchingLeadIds { get; }

        public bool MatchCountExceedsLimit { get; }

        /// <summary>The field the upsert matched on.</summary>
        public string? MatchField { get; }
    }
}
