using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>A stored lead. Mutable: only touched under the emulator's lock.</summary>
    internal sealed class IvvyLeadRecord
    {
        public IvvyLeadRecord(long id, DateTimeOffset createdDate)
        {
            Id = id;
            CreatedDate = createdDate;
            ModifiedDate = createdDate;
        }

        public long Id { get; }

        public string Name { get; set; } = string.Empty;

        public string? Description { get; set; }

        public long? ContactId { get; set; }

        public long? CompanyId { get; set; }

        public long? CompanyLeadContactId { get; set; }

        public long? QualityId { get; set; }

        public long? IndustryId { get; set; }

        public long? SourceId { get; set; }

        public long? TypeId { get; set; }

        public long? SubtypeId { get; set; }

        public long? StageId { get; set; }

        public long? StageReasonId { get; set; }

        public long? ChannelId { get; set; }

        public long? OwnerUserId { get; set; }

        /// <summary>Custom field values by field id, kept as the JSON scalar that was sent.</summary>
        public SortedDictionary<long, JValue> CustomFields { get; } = new SortedDictionary<long, JValue>();

        public DateTimeOffset CreatedDate { get; }

        public DateTimeOffset ModifiedDate { get; set; }

        /// <summary>The contact the lead is about: a company lead's lead contact, else the lead's own contact.</summary>
        public long? PrimaryContactId => CompanyId.HasValue ? CompanyLeadContactId ?? ContactId : ContactId ?? CompanyLeadContactId;
    }
}
