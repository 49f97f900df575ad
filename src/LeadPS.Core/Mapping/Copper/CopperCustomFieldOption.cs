namespace LeadPS.Mapping
{
    /// <summary>One choice of a Dropdown or MultiSelect custom field.</summary>
    public sealed class CopperCustomFieldOption
    {
        public CopperCustomFieldOption(long id, string name)
        {
            Id = id;
            Name = name ?? string.Empty;
        }

        public long Id { get; }

        public string Name { get; }

        public override string ToString() => Name;
    }
}
