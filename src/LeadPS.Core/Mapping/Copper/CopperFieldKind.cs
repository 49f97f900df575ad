namespace LeadPS.Mapping
{
    /// <summary>How a Copper lead field's value is converted.</summary>
    internal enum CopperFieldKind
    {
        Text,
        Id,
        Number,
        Email,
        PhoneNumbers,
        Websites,
        Socials,
        Address,
        AddressPart,
        Tags,
        CustomFields,
        LeadId,
    }
}
