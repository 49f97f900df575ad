namespace LeadPS
{
    /// <summary>The CRM platforms LeadPS talks to.</summary>
    public enum LeadPlatform
    {
        Copper,
        Ivvy,
    }
}
