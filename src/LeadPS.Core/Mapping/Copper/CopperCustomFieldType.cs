namespace LeadPS.Mapping
{
    /// <summary>A Copper custom field definition's <c>data_type</c>.</summary>
    public enum CopperCustomFieldType
    {
        /// <summary>A data type LeadPS does not know (such as Connect): values are sent as given.</summary>
        Other,
        String,
        Text,
        Dropdown,
        MultiSelect,
        Date,
        Float,
        Percentage,
        Currency,
        Checkbox,
        Url,
    }
}
