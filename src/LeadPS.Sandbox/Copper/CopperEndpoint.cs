namespace LeadPS.Sandbox.Copper
{
    /// <summary>The operations the emulator serves.</summary>
    internal enum CopperEndpoint
    {
        CreateLead,
        GetLead,
        UpdateLead,
        DeleteLead,
        UpsertLead,
        SearchLeads,
        ListCustomFieldDefinitions,
        GetCustomFieldDefinition,
        ListLeadStatuses,
        ListCustomerSources,
        GetAccount,
        GetCurrentUser,
    }
}
