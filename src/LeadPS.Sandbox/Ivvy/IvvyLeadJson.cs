using System.Linq;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>
    /// A lead as getLeadList returns it: the ids the lead was stored with, plus the names and nested
    /// contact / company / owner objects iVvy adds for reading (see docs/sandbox-ivvy.md).
    /// </summary>
    internal static class IvvyLeadJson
    {
        public static JObject Render(IvvyLeadRecord lead, IvvyStore store)
        {
            var primaryContact = lead.PrimaryContactId.HasValue ? store.FindContact(lead.PrimaryContactId.Value) : null;
            var company = lead.CompanyId.HasValue ? store.FindCompany(lead.CompanyId.Value) : null;
            var owner = lead.OwnerUserId.HasValue && store.Owners.TryGetValue(lead.OwnerUserId.Value, out var user) ? user : null;
            return new JObject
            {
                ["id"] = lead.Id,
                ["name"] = lead.Name,
                ["description"] = IvvyJsonValues.Of(lead.Description),
                ["contactId"] = IvvyJsonValues.Of(lead.ContactId),
                ["contact"] = primaryContact == null ? JValue.CreateNull() : IvvyCatalogueJson.ContactSummary(primaryContact),
                ["companyId"] = IvvyJsonValues.Of(lead.CompanyId),
                ["company"] = company == null ? JValue.CreateNull() : IvvyCatalogueJson.CompanySummary(company),
                ["companyLeadContactId"] = IvvyJsonValues.Of(lead.CompanyLeadContactId),
                ["qualityId"] = IvvyJsonValues.Of(lead.QualityId),
                ["quality"] = IvvyJsonValues.Of(NameOf(store.Qualities, lead.QualityId)),
                ["industryId"] = IvvyJsonValues.Of(lead.IndustryId),
                ["stageId"] = IvvyJsonValues.Of(lead.StageId),
                ["stageName"] = IvvyJsonValues.Of(lead.StageId.HasValue && store.Stages.TryGetValue(lead.StageId.Value, out var stage) ? stage.Name : null),
                ["stageReasonId"] = IvvyJsonValues.Of(lead.StageReasonId),
                ["stageReasonName"] = IvvyJsonValues.Of(StageReasonName(lead, store)),
                ["typeId"] = IvvyJsonValues.Of(lead.TypeId),
                ["type"] = IvvyJsonValues.Of(lead.TypeId.HasValue && store.Types.TryGetValue(lead.TypeId.Value, out var type) ? type.Name : null),
                ["subtypeId"] = IvvyJsonValues.Of(lead.SubtypeId),
                ["sourceId"] = IvvyJsonValues.Of(lead.SourceId),
                ["sourceName"] = IvvyJsonValues.Of(NameOf(store.Sources, lead.SourceId)),
                ["channelId"] = IvvyJsonValues.Of(lead.ChannelId),
                ["channelName"] = IvvyJsonValues.Of(NameOf(store.Channels, lead.ChannelId)),
                ["ownerUserId"] = IvvyJsonValues.Of(lead.OwnerUserId),
                ["ownerUser"] = owner == null ? JValue.CreateNull() : IvvyCatalogueJson.User(owner),
                ["customFields"] = new JArray(lead.CustomFields.Select(f => new JObject { ["fieldId"] = f.Key, ["fieldValue"] = f.Value.DeepClone() })),
                ["createdDate"] = IvvyDates.ToText(lead.CreatedDate),
                ["modifiedDate"] = IvvyDates.ToText(lead.ModifiedDate),

                // Documented result keys for parts of iVvy the Sandbox does not emulate (bookings, the
                // lead's BCC mailbox, closing and admin status): present, with what a new lead has.
                ["currentBookingId"] = JValue.CreateNull(),
                ["leadBccEmail"] = JValue.CreateNull(),
                ["closedDate"] = JValue.CreateNull(),
                ["lostToCompetition"] = false,
                ["adminStatusChangedDate"] = JValue.CreateNull(),
            };
        }

        private static string? NameOf(System.Collections.Generic.IReadOnlyDictionary<long, IvvyNamedItem> items, long? id) =>
            id.HasValue && items.TryGetValue(id.Value, out var item) ? item.Name : null;

        private static string? StageReasonName(IvvyLeadRecord lead, IvvyStore store) =>
            lead.StageId.HasValue && lead.StageReasonId.HasValue && store.Stages.TryGetValue(lead.StageId.Value, out var stage)
                ? stage.Reasons.FirstOrDefault(r => r.Id == lead.StageReasonId.Value)?.Name
                : null;
    }
}
