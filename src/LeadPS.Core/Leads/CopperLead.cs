using System;
using System.Collections.Generic;

namespace LeadPS
{
    /// <summary>A Copper lead.</summary>
    public sealed class CopperLead : Lead
    {
        public CopperLead(long id, string? name, LeadOutcome outcome, IReadOnlyDictionary<string, object?> fields)
            : base(LeadPlatform.Copper, id, name, outcome, fields)
        {
        }

        public string? Email { get; set; }

        public string? CompanyName { get; set; }

        public string? Title { get; set; }

        public string? Status { get; set; }

        public long? StatusId { get; set; }

        public long? AssigneeId { get; set; }

        public string[] PhoneNumbers { get; set; } = Array.Empty<string>();

        public string[] Tags { get; set; } = Array.Empty<string>();

        public DateTimeOffset? DateCreated { get; set; }

        public DateTimeOffset? DateModified { get; set; }
    }
}
