using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>
    /// A read-only copy of one lead in the iVvy Sandbox, for assertions. Taken under the
    /// emulator's lock, so it never changes afterwards.
    /// </summary>
    public sealed class SandboxIvvyLead
    {
        internal SandboxIvvyLead(IvvyLeadRecord lead, string json)
        {
            Id = lead.Id;
            Name = lead.Name;
            Description = lead.Description;
            ContactId = lead.ContactId;
            CompanyId = lead.CompanyId;
            CompanyLeadContactId = lead.CompanyLeadContactId;
            QualityId = lead.QualityId;
            IndustryId = lead.IndustryId;
            SourceId = lead.SourceId;
            TypeId = lead.TypeId;
            SubtypeId = lead.SubtypeId;
            StageId = lead.StageId;
            StageReasonId = lead.StageReasonId;
            ChannelId = lead.ChannelId;
            OwnerUserId = lead.OwnerUserId;
            CustomFields = lead.CustomFields.ToDictionary(f => f.Key, f => f.Value.Value!);
            CreatedDate = lead.CreatedDate;
            ModifiedDate = lead.ModifiedDate;
            Json = json;
        }

        public long Id { get; }

        public string Name { get; }

        public string? Description { get; }

        public long? ContactId { get; }

        public long? CompanyId { get; }

        public long? CompanyLeadContactId { get; }

        public long? QualityId { get; }

        public long? IndustryId { get; }

        public long? SourceId { get; }

        public long? TypeId { get; }

        public long? SubtypeId { get; }

        public long? StageId { get; }

        public long? StageReasonId { get; }

        public long? ChannelId { get; }

        public long? OwnerUserId { get; }

        /// <summary>Custom field values by field id: string, long, double or bool, as they were sent.</summary>
        public IReadOnlyDictionary<long, object> CustomFields { get; }

        public DateTimeOffset CreatedDate { get; }

        public DateTimeOffset ModifiedDate { get; }

        /// <summary>The lead exactly as getLeadList returns it (compact JSON).</summary>
        public string Json { get; }

        public override string ToString() => "iVvy lead " + Id + " '" + Name + "'";
    }
}
