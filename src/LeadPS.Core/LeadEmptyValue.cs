namespace LeadPS
{
    /// <summary>What an empty or blank text value (an empty CSV cell) means for a lead field.</summary>
    public enum LeadEmptyValue
    {
        /// <summary>No value: the field is not sent, and keeps what it holds.</summary>
        Skip,

        /// <summary>Clear the field where the platform allows it, like <c>$null</c>.</summary>
        Clear,
    }
}
