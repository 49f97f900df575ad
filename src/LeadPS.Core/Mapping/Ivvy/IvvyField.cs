namespace LeadPS.Mapping
{
    /// <summary>An iVvy parameter or nested key, under iVvy's own camelCase name.</summary>
    internal sealed class IvvyField
    {
        internal IvvyField(string name, IvvyFieldKind kind)
        {
            Name = name;
            Kind = kind;
        }

        internal string Name { get; }

        internal IvvyFieldKind Kind { get; }
    }
}
