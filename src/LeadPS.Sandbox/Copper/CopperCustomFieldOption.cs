namespace LeadPS.Sandbox.Copper
{
    /// <summary>One choice of a Dropdown or MultiSelect custom field; leads store its <see cref="Id"/>.</summary>
    public sealed class CopperCustomFieldOption
    {
        internal CopperCustomFieldOption(long id, string name, int rank)
        {
            Id = id;
            Name = name;
            Rank = rank;
        }

        public long Id { get; }

        public string Name { get; }

        public int Rank { get; }
    }
}
