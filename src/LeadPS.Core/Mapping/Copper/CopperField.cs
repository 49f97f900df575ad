namespace LeadPS.Mapping
{
    /// <summary>A Copper lead field, or an alias leading to one (an address part leads into <c>address</c>).</summary>
    internal sealed class CopperField
    {
        internal CopperField(string name, CopperFieldKind kind, string? addressPart = null)
        {
            Name = name;
            Kind = kind;
            AddressPart = addressPart;
        }

        /// <summary>Copper's name for the field (for an address part: <c>address</c>).</summary>
        internal string Name { get; }

        internal CopperFieldKind Kind { get; }

        /// <summary>For <see cref="CopperFieldKind.AddressPart"/>: street, city, state, postal_code or country.</summary>
        internal string? AddressPart { get; }
    }
}
