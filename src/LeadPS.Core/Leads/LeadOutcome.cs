namespace LeadPS
{
    /// <summary>What happened to a lead.</summary>
    public enum LeadOutcome
    {
        /// <summary>A new lead was added.</summary>
        Created,
        /// <summary>An existing lead was changed.</summary>
        Updated,
        /// <summary>Created or updated: the platform did not say which (Copper's upsert).</summary>
        Upserted,
        /// <summary>Read back, unchanged (Get-Lead).</summary>
        Retrieved,
    }
}
