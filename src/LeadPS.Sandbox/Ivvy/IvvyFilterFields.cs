using System;
using System.Collections.Generic;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>
    /// Which fields each list call can filter on (iVvy does not document them; these are the
    /// emulator's choice, listed in docs/sandbox-ivvy.md). Names are case-sensitive, as sent.
    /// </summary>
    internal static class IvvyFilterFields
    {
        public static IReadOnlyDictionary<string, Func<IvvyLeadRecord, object?>> ForLeads(IvvyStore store) =>
            new Dictionary<string, Func<IvvyLeadRecord, object?>>(StringComparer.Ordinal)
            {
                ["id"] = l => l.Id,
                ["name"] = l => l.Name,
                ["description"] = l => l.Description,
                ["contactId"] = l => l.ContactId,
                ["companyId"] = l => l.CompanyId,
                ["companyLeadContactId"] = l => l.CompanyLeadContactId,
                ["qualityId"] = l => l.QualityId,
                ["industryId"] = l => l.IndustryId,
                ["sourceId"] = l => l.SourceId,
                ["typeId"] = l => l.TypeId,
                ["subtypeId"] = l => l.SubtypeId,
                ["stageId"] = l => l.StageId,
                ["stageReasonId"] = l => l.StageReasonId,
                ["channelId"] = l => l.ChannelId,
                ["ownerUserId"] = l => l.OwnerUserId,
                ["contactEmail"] = l => l.PrimaryContactId.HasValue ? store.FindContact(l.PrimaryContactId.Value)?.Email : null,
                ["companyName"] = l => l.CompanyId.HasValue ? store.FindCompany(l.CompanyId.Value)?.BusinessName : null,
                ["createdDate"] = l => IvvyDates.ToText(l.CreatedDate),
                ["modifiedDate"] = l => IvvyDates.ToText(l.ModifiedDate),
            };

        public static IReadOnlyDictionary<string, Func<IvvyContactRecord, object?>> ForContacts() =>
            new Dictionary<string, Func<IvvyContactRecord, object?>>(StringComparer.Ordinal)
            {
                ["id"] = c => c.Id,
                ["firstName"] = c => c.FirstName,
                ["lastName"] = c => c.LastName,
                ["email"] = c => c.Email,
                ["phone"] = c => c.Phone,
            };

        public static IReadOnlyDictionary<string, Func<IvvyCompanyRecord, object?>> ForCompanies() =>
            new Dictionary<string, Func<IvvyCompanyRecord, object?>>(StringComparer.Ordinal)
            {
                ["id"] = c => c.Id,
                ["businessName"] = c => c.BusinessName,
                ["email"] = c => c.Email,
                ["phone"] = c => c.Phone,
            };

        public static IReadOnlyDictionary<string, Func<IvvyOwnerUser, object?>> ForUsers() =>
            new Dictionary<string, Func<IvvyOwnerUser, object?>>(StringComparer.Ordinal)
            {
                ["id"] = u => u.Id,
                ["firstName"] = u => u.FirstName,
                ["lastName"] = u => u.LastName,
                ["email"] = u => u.Email,
            };

        public static IReadOnlyDictionary<string, Func<T, object?>> IdAndName<T>(Func<T, long> id, Func<T, string> name) =>
            new Dictionary<string, Func<T, object?>>(StringComparer.Ordinal)
            {
                ["id"] = x => id(x),
                ["name"] = x => name(x),
            };
    }
}
