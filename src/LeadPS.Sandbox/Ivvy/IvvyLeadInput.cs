using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>
    /// addOrUpdateLead's parameters, type-checked in the documented order: the first parameter that
    /// does not validate answers 23016, a missing key inside a supplied structure answers 23017.
    /// Unknown keys are ignored, as the platform does.
    /// </summary>
    internal sealed class IvvyLeadInput
    {
        public long? Id { get; private set; }

        public long? QualityId { get; private set; }

        public long? IndustryId { get; private set; }

        public long? SourceId { get; private set; }

        public long? CompanyId { get; private set; }

        public IvvyCompanyInput? Company { get; private set; }

        public long? CompanyLeadContactId { get; private set; }

        public long? ContactId { get; private set; }

        public IvvyContactInput? Contact { get; private set; }

        public string? Name { get; private set; }

        public long? OwnerUserId { get; private set; }

        public long? TypeId { get; private set; }

        public long? SubtypeId { get; private set; }

        public long? StageId { get; private set; }

        public long? StageReasonId { get; private set; }

        public long? ChannelId { get; private set; }

        public string? Description { get; private set; }

        public IReadOnlyList<IvvyCustomFieldInput> CustomFields { get; private set; } = new IvvyCustomFieldInput[0];

        /// <summary>A company lead is one that names a company, by id or as a nested object.</summary>
        public bool NamesCompany => CompanyId.HasValue || Company != null;

        /// <summary>iVvy: "If contact and company are present in request then it will link given contact to company."</summary>
        public bool LinksContactToCompany => Contact != null && Company != null;

        public static IvvyLeadInput Parse(JObject body)
        {
            var input = new IvvyLeadInput();
            input.Id = IvvyParameters.WholeNumber(body, "id", "id");
            input.QualityId = IvvyParameters.WholeNumber(body, "qualityId", "qualityId");
            input.IndustryId = IvvyParameters.WholeNumber(body, "industryId", "industryId");
            input.SourceId = IvvyParameters.WholeNumber(body, "sourceId", "sourceId");
            input.CompanyId = IvvyParameters.WholeNumber(body, "companyId", "companyId");
            var company = IvvyParameters.Object(body, "company", "company");
            input.Company = company == null ? null : IvvyCompanyInput.Parse(company, "company");
            input.CompanyLeadContactId = IvvyParameters.WholeNumber(body, "companyLeadContactId", "companyLeadContactId");
            input.ContactId = IvvyParameters.WholeNumber(body, "contactId", "contactId");
            var contact = IvvyParameters.Object(body, "contact", "contact");
            input.Contact = contact == null ? null : IvvyContactInput.Parse(contact, "contact");
            input.Name = IvvyParameters.Text(body, "name", "name");
            input.OwnerUserId = IvvyParameters.WholeNumber(body, "ownerUserId", "ownerUserId");
            input.TypeId = IvvyParameters.WholeNumber(body, "typeId", "typeId");
            input.SubtypeId = IvvyParameters.WholeNumber(body, "subtypeId", "subtypeId");
            input.StageId = IvvyParameters.WholeNumber(body, "stageId", "stageId");
            input.StageReasonId = IvvyParameters.WholeNumber(body, "stageReasonId", "stageReasonId");
            input.ChannelId = IvvyParameters.WholeNumber(body, "channelId", "channelId");
            input.Description = IvvyParameters.Text(body, "description", "description");
            var customFields = IvvyParameters.ArrayOfObjects(body, "customFields", "customFields");
            if (customFields != null)
            {
                input.CustomFields = IvvyCustomFieldInput.ParseAll(customFields, "customFields");
            }

            return input;
        }
    }
}
