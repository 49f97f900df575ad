namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>
    /// What a valid addOrUpdateLead will write, worked out before anything is stored so a refused
    /// request leaves no half-created contact or company behind. "New" flags stand for records
    /// the nested objects will create, whose ids do not exist yet.
    /// </summary>
    internal sealed class IvvyLeadPlan
    {
        public IvvyLeadPlan(IvvyLeadInput input, IvvyLeadRecord? existing)
        {
            Input = input;
            Existing = existing;
        }

        public IvvyLeadInput Input { get; }

        /// <summary>The lead being updated; null when adding.</summary>
        public IvvyLeadRecord? Existing { get; }

        public bool IsCompanyLead { get; set; }

        public long? CompanyId { get; set; }

        public bool CompanyIsNew { get; set; }

        public long? CompanyLeadContactId { get; set; }

        public bool CompanyLeadContactIsNew { get; set; }

        public long? ContactId { get; set; }

        public bool ContactIsNew { get; set; }

        public long? SubtypeId { get; set; }

        public long? StageReasonId { get; set; }
    }
}
