namespace LeadPS.Mapping
{
    /// <summary>How an iVvy addOrUpdateLead parameter (or a key of its nested objects) is converted.</summary>
    internal enum IvvyFieldKind
    {
        LeadId,
        Id,
        Text,
        Email,
        Contact,
        Company,
        CustomFields,
    }
}
