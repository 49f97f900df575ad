using System.Collections.Generic;

namespace LeadPS
{
    /// <summary>An iVvy lead. Its id properties bind by name to Set-Lead's parameters.</summary>
    public sealed class IvvyLead : Lead
    {
        public IvvyLead(long id, string? name, LeadOutcome outcome, IReadOnlyDictionary<string, object?> fields)
            : base(LeadPlatform.Ivvy, id, name, outcome, fields)
        {
        }

        public string? Description { get; set; }

        public long? QualityId { get; set; }

        public long? IndustryId { get; set; }

        public long? SourceId { get; set; }

        public long? CompanyId { get; set; }

        public long? CompanyLeadContactId { get; set; }

        public long? ContactId { get; set; }

        public long? OwnerUserId { get; set; }

        public long? TypeId { get; set; }

        public long? SubtypeId { get; set; }

        public long? StageId { get; set; }

        public long? StageReasonId { get; set; }

        public long? ChannelId { get; set; }

        /// <summary>The e-mail of the lead's contact, when the platform returned it.</summary>
        public string? ContactEmail { get; set; }
    }
}
