namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>A catalogue entry that is only an id and a name: quality, industry, source, channel, stage reason, sub type, custom field.</summary>
    internal sealed class IvvyNamedItem
    {
        public IvvyNamedItem(long id, string name)
        {
            Id = id;
            Name = name;
        }

        public long Id { get; }

        public string Name { get; }
    }
}
