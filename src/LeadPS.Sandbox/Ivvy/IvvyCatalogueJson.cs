using System.Linq;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>How catalogue records render in list results.</summary>
    internal static class IvvyCatalogueJson
    {
        public static JObject Named(IvvyNamedItem item) => new JObject { ["id"] = item.Id, ["name"] = item.Name };

        /// <summary>iVvy names a lead type's name <c>type</c>; <c>name</c> is added for uniformity with the other lookups.</summary>
        public static JObject LeadType(IvvyLeadType type) => new JObject
        {
            ["id"] = type.Id,
            ["type"] = type.Name,
            ["name"] = type.Name,
            ["subtypes"] = new JArray(type.Subtypes.Select(Named)),
        };

        /// <summary>A stage's reasons carry their text as <c>reason</c>, as iVvy's example shows; <c>name</c> is kept as an alias.</summary>
        public static JObject LeadStage(IvvyLeadStage stage) => new JObject
        {
            ["id"] = stage.Id,
            ["name"] = stage.Name,
            ["reasons"] = new JArray(stage.Reasons.Select(reason => new JObject
            {
                ["id"] = reason.Id,
                ["reason"] = reason.Name,
                ["name"] = reason.Name,
            })),
        };

        public static JObject User(IvvyOwnerUser user) => new JObject
        {
            ["id"] = user.Id,
            ["firstName"] = user.FirstName,
            ["lastName"] = user.LastName,
            ["email"] = user.Email,
        };

        public static JObject ContactSummary(IvvyContactRecord contact) => new JObject
        {
            ["id"] = contact.Id,
            ["firstName"] = contact.FirstName,
            ["lastName"] = contact.LastName,
            ["email"] = contact.Email,
            ["phone"] = IvvyJsonValues.Of(contact.Phone),
        };

        /// <summary>iVvy calls a company's name <c>businessName</c>; <c>name</c> is added as a convenience.</summary>
        public static JObject CompanySummary(IvvyCompanyRecord company) => new JObject
        {
            ["id"] = company.Id,
            ["businessName"] = company.BusinessName,
            ["name"] = company.BusinessName,
            ["email"] = IvvyJsonValues.Of(company.Email),
            ["phone"] = IvvyJsonValues.Of(company.Phone),
        };

        public static JObject Company(IvvyCompanyRecord company, IvvyStore store)
        {
            var json = CompanySummary(company);
            json["contacts"] = new JArray(company.ContactIds
                .Select(store.FindContact)
                .Where(c => c != null)
                .Select(c => ContactSummary(c!)));
            return json;
        }
    }
}
