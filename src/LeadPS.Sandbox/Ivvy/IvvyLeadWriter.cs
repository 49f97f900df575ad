using LeadPS.Sandbox.Hosting;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>
    /// contact?action=addOrUpdateLead: 24215 for an empty request, 23016/23017 while reading the
    /// parameters, 24216 for an unknown id, 24218 for invalid details; then stores the lead (and the
    /// nested company/contact) in one go. The caller holds the emulator's lock.
    /// </summary>
    internal sealed class IvvyLeadWriter
    {
        private readonly IvvyStore _store;
        private readonly SandboxClock _clock;

        public IvvyLeadWriter(IvvyStore store, SandboxClock clock)
        {
            _store = store;
            _clock = clock;
        }

        /// <summary>Adds or updates the lead and returns its id; throws <see cref="IvvyApiErrorException"/> when refused.</summary>
        public long AddOrUpdate(JObject body)
        {
            if (IvvyJsonBody.HasNoValues(body))
            {
                throw new IvvyApiError(400, "The request is empty", IvvySpecificCodes.LeadRequestEmpty).ToException();
            }

            var input = IvvyLeadInput.Parse(body);
            IvvyLeadRecord? existing = null;
            if (input.Id.HasValue)
            {
                existing = _store.FindLead(input.Id.Value)
                    ?? throw new IvvyApiError(400, "The lead does not exist", IvvySpecificCodes.LeadNotFound).ToException();
            }

            var plan = IvvyLeadRules.Resolve(_store, input, existing);
            return Apply(plan).Id;
        }

        private IvvyLeadRecord Apply(IvvyLeadPlan plan)
        {
            var input = plan.Input;
            var now = _clock.RecordTime;
            var companyId = WriteCompany(input.Company) ?? plan.CompanyId;
            var nestedContactId = WriteContact(input.Contact);
            if (input.Contact != null && plan.IsCompanyLead && companyId.HasValue && (input.Contact.IsNew || input.LinksContactToCompany))
            {
                // A contact created for a company lead, or given together with the company, becomes one of its contacts.
                var company = _store.FindCompany(companyId.Value)!;
                if (!company.HasContact(nestedContactId!.Value))
                {
                    company.ContactIds.Add(nestedContactId.Value);
                }
            }

            var lead = plan.Existing ?? _store.AddLead(now);
            lead.Name = input.Name ?? lead.Name;
            lead.Description = input.Description ?? lead.Description;
            lead.QualityId = input.QualityId ?? lead.QualityId;
            lead.IndustryId = input.IndustryId ?? lead.IndustryId;
            lead.SourceId = input.SourceId ?? lead.SourceId;
            lead.TypeId = input.TypeId ?? lead.TypeId;
            lead.SubtypeId = plan.SubtypeId;
            lead.StageId = input.StageId ?? lead.StageId;
            lead.StageReasonId = plan.StageReasonId;
            lead.ChannelId = input.ChannelId ?? lead.ChannelId;
            lead.OwnerUserId = input.OwnerUserId ?? lead.OwnerUserId;
            lead.CompanyId = companyId;
            lead.CompanyLeadContactId = plan.CompanyLeadContactIsNew ? nestedContactId : plan.CompanyLeadContactId;
            lead.ContactId = plan.ContactIsNew ? nestedContactId : plan.ContactId;
            foreach (var field in input.CustomFields)
            {
                lead.CustomFields[field.FieldId] = field.FieldValue;
            }

            lead.ModifiedDate = now;
            return lead;
        }

        private long? WriteCompany(IvvyCompanyInput? input)
        {
            if (input == null)
            {
                return null;
            }

            if (input.IsNew)
            {
                return _store.AddCompany(input.BusinessName!, input.Email, input.Phone).Id;
            }

            var company = _store.FindCompany(input.Id!.Value)!;
            company.BusinessName = input.BusinessName ?? company.BusinessName;
            company.Email = input.Email ?? company.Email;
            company.Phone = input.Phone ?? company.Phone;
            return company.Id;
        }

        private long? WriteContact(IvvyContactInput? input)
        {
            if (input == null)
            {
                return null;
            }

            if (input.IsNew)
            {
                return _store.AddContact(input.FirstName!, input.LastName!, input.Email!, input.Phone).Id;
            }

            var contact = _store.FindContact(input.Id!.Value)!;
            contact.FirstName = input.FirstName ?? contact.FirstName;
            contact.LastName = input.LastName ?? contact.LastName;
            contact.Email = input.Email ?? contact.Email;
            contact.Phone = input.Phone ?? contact.Phone;
            return contact.Id;
        }
    }
}
