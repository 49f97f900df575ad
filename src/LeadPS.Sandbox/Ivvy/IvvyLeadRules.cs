using System.Collections.Generic;
using System.Globalization;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>
    /// addOrUpdateLead's "lead details are invalid" rules (24218): required-when on add, company vs
    /// contact lead, lookup ids that must exist, sub type and stage reason that must belong. Every
    /// broken rule is listed in additionalMessages, not only the first.
    /// </summary>
    internal sealed class IvvyLeadRules
    {
        private readonly IvvyStore _store;
        private readonly IvvyLeadPlan _plan;
        private readonly IvvyLeadInput _input;
        private readonly IvvyLeadRecord? _existing;
        private readonly List<string> _problems = new List<string>();

        private IvvyLeadRules(IvvyStore store, IvvyLeadPlan plan)
        {
            _store = store;
            _plan = plan;
            _input = plan.Input;
            _existing = plan.Existing;
        }

        private bool Adding => _existing == null;

        /// <summary>The plan for a valid request; a 24218 error listing every problem otherwise.</summary>
        public static IvvyLeadPlan Resolve(IvvyStore store, IvvyLeadInput input, IvvyLeadRecord? existing)
        {
            var rules = new IvvyLeadRules(store, new IvvyLeadPlan(input, existing));
            rules.ResolveCompany();
            rules.ResolveContacts();
            rules.CheckRequiredWhenAdding();
            rules.CheckLookups();
            rules.ResolveSubtype();
            rules.ResolveStageReason();
            rules.CheckCompanyLeadContact();
            if (rules._problems.Count > 0)
            {
                throw new IvvyApiError(400, "The lead details are invalid", IvvySpecificCodes.LeadInvalid, rules._problems).ToException();
            }

            return rules._plan;
        }

        private void ResolveCompany()
        {
            var companyId = _input.CompanyId;
            if (companyId.HasValue && _store.FindCompany(companyId.Value) == null)
            {
                Problem("'companyId' {0} is not a company", companyId.Value);
            }

            var nested = _input.Company;
            if (nested != null && nested.Id.HasValue)
            {
                if (_store.FindCompany(nested.Id.Value) == null)
                {
                    Problem("'company.id' {0} is not a company", nested.Id.Value);
                }

                if (companyId.HasValue && companyId.Value != nested.Id.Value)
                {
                    Problem("'companyId' {0} and 'company.id' {1} name different companies", companyId.Value, nested.Id.Value);
                }

                companyId = nested.Id;
            }
            else if (nested != null)
            {
                if (companyId.HasValue)
                {
                    Problem("'company' describes a new company, but 'companyId' {0} names an existing one", companyId.Value);
                }

                _plan.CompanyIsNew = true;
                companyId = null;
            }

            _plan.IsCompanyLead = _input.NamesCompany || _existing?.CompanyId != null;
            _plan.CompanyId = companyId ?? (_plan.CompanyIsNew ? null : _existing?.CompanyId);
        }

        private void ResolveContacts()
        {
            var contactId = CheckContactExists("contactId", _input.ContactId);
            var leadContactId = CheckContactExists("companyLeadContactId", _input.CompanyLeadContactId);
            if (!_plan.IsCompanyLead && leadContactId.HasValue)
            {
                Problem("'companyLeadContactId' is only for a company lead ('companyId' or 'company')");
            }

            // The nested contact fills the slot that matters for this kind of lead.
            var nested = _input.Contact;
            var isNew = false;
            if (nested != null)
            {
                var slotName = _plan.IsCompanyLead ? "companyLeadContactId" : "contactId";
                var slot = _plan.IsCompanyLead ? leadContactId : contactId;
                if (nested.Id.HasValue)
                {
                    CheckContactExists("contact.id", nested.Id);
                    if (slot.HasValue && slot.Value != nested.Id.Value)
                    {
                        Problem("'{0}' {1} and 'contact.id' {2} name different contacts", slotName, slot.Value, nested.Id.Value);
                    }

                    slot = nested.Id;
                }
                else
                {
                    if (slot.HasValue)
                    {
                        Problem("'contact' describes a new contact, but '{0}' {1} names an existing one", slotName, slot.Value);
                    }

                    isNew = true;
                    slot = null;
                }

                if (_plan.IsCompanyLead)
                {
                    leadContactId = slot;
                }
                else
                {
                    contactId = slot;
                }
            }

            _plan.CompanyLeadContactIsNew = isNew && _plan.IsCompanyLead;
            _plan.ContactIsNew = isNew && !_plan.IsCompanyLead;
            _plan.ContactId = contactId ?? (_plan.ContactIsNew ? null : _existing?.ContactId);
            _plan.CompanyLeadContactId = leadContactId ?? (_plan.CompanyLeadContactIsNew ? null : _existing?.CompanyLeadContactId);
        }

        private void CheckRequiredWhenAdding()
        {
            if (!Adding)
            {
                if (_input.Name != null && _input.Name.Trim().Length == 0)
                {
                    Problem("'name' must not be empty");
                }

                return;
            }

            if (string.IsNullOrWhiteSpace(_input.Name))
            {
                Problem("'name' is required when adding a lead");
            }

            RequireOnAdd("sourceId", _input.SourceId);
            RequireOnAdd("typeId", _input.TypeId);
            RequireOnAdd("stageId", _input.StageId);
            if (_plan.IsCompanyLead)
            {
                if (!_plan.CompanyId.HasValue && !_plan.CompanyIsNew)
                {
                    Problem("'companyId' is required for a company lead");
                }

                if (!_plan.CompanyLeadContactId.HasValue && !_plan.CompanyLeadContactIsNew)
                {
                    Problem("'companyLeadContactId' is required for a company lead");
                }
            }
            else
            {
                if (!_plan.ContactId.HasValue && !_plan.ContactIsNew)
                {
                    Problem("'contactId' is required for a contact lead (a lead without 'companyId' or 'company')");
                }

                if (!_input.IndustryId.HasValue)
                {
                    Problem("'industryId' is required for a contact lead (a lead without 'companyId' or 'company')");
                }
            }
        }

        private void CheckLookups()
        {
            CheckKnown("qualityId", _input.QualityId, _store.Qualities.ContainsKey, "a lead quality");
            CheckKnown("industryId", _input.IndustryId, _store.Industries.ContainsKey, "an industry");
            CheckKnown("sourceId", _input.SourceId, _store.Sources.ContainsKey, "a lead source");
            CheckKnown("typeId", _input.TypeId, _store.Types.ContainsKey, "a lead type");
            CheckKnown("stageId", _input.StageId, _store.Stages.ContainsKey, "a lead stage");
            CheckKnown("channelId", _input.ChannelId, _store.Channels.ContainsKey, "a lead channel");
            CheckKnown("ownerUserId", _input.OwnerUserId, _store.Owners.ContainsKey, "a user");
            foreach (var field in _input.CustomFields)
            {
                if (!_store.CustomFields.ContainsKey(field.FieldId))
                {
                    Problem("'customFields[{0}].fieldId' {1} is not a lead custom field", field.Index, field.FieldId);
                }
            }
        }

        private void ResolveSubtype()
        {
            var typeId = _input.TypeId ?? _existing?.TypeId;
            var subtypeId = _input.SubtypeId ?? _existing?.SubtypeId;
            _plan.SubtypeId = subtypeId;
            if (!typeId.HasValue || !_store.Types.TryGetValue(typeId.Value, out var type)
                || (!_input.TypeId.HasValue && !_input.SubtypeId.HasValue))
            {
                return;
            }

            if (!type.HasSubtypes)
            {
                if (_input.SubtypeId.HasValue)
                {
                    Problem("'subtypeId' {0} is not allowed: lead type {1} has no sub types", _input.SubtypeId.Value, type.Id);
                }

                // A sub type kept from the lead's former type means nothing for this one.
                _plan.SubtypeId = null;
                return;
            }

            if (_input.SubtypeId.HasValue && !type.HasSubtype(_input.SubtypeId.Value))
            {
                Problem("'subtypeId' {0} is not a sub type of lead type {1}", _input.SubtypeId.Value, type.Id);
            }
            else if (!subtypeId.HasValue || !type.HasSubtype(subtypeId.Value))
            {
                Problem("'subtypeId' is required: lead type {0} has sub types", type.Id);
            }
        }

        private void ResolveStageReason()
        {
            var stageId = _input.StageId ?? _existing?.StageId;
            var reasonId = _input.StageReasonId ?? _existing?.StageReasonId;
            _plan.StageReasonId = reasonId;
            if (!stageId.HasValue || !_store.Stages.TryGetValue(stageId.Value, out var stage) || !reasonId.HasValue)
            {
                return;
            }

            if (stage.HasReason(reasonId.Value))
            {
                return;
            }

            if (_input.StageReasonId.HasValue)
            {
                Problem("'stageReasonId' {0} is not a reason of lead stage {1}", reasonId.Value, stage.Id);
            }
            else
            {
                // The stage changed and the old reason does not apply to the new one.
                _plan.StageReasonId = null;
            }
        }

        private void CheckCompanyLeadContact()
        {
            var touched = Adding || _input.NamesCompany || _input.CompanyLeadContactId.HasValue || _input.Contact != null;
            if (!_plan.IsCompanyLead || !touched || _plan.CompanyLeadContactIsNew || !_plan.CompanyLeadContactId.HasValue
                || _input.LinksContactToCompany)
            {
                // With both a company and a contact object, the contact is linked to the company on write.
                return;
            }

            var contactId = _plan.CompanyLeadContactId.Value;
            if (_plan.CompanyIsNew)
            {
                Problem("contact {0} does not belong to the new company", contactId);
                return;
            }

            var company = _plan.CompanyId.HasValue ? _store.FindCompany(_plan.CompanyId.Value) : null;
            if (company != null && _store.FindContact(contactId) != null && !company.HasContact(contactId))
            {
                Problem("contact {0} does not belong to company {1}", contactId, company.Id);
            }
        }

        private long? CheckContactExists(string parameter, long? contactId)
        {
            if (contactId.HasValue && _store.FindContact(contactId.Value) == null)
            {
                Problem("'{0}' {1} is not a contact", parameter, contactId.Value);
            }

            return contactId;
        }

        private void RequireOnAdd(string parameter, long? value)
        {
            if (!value.HasValue)
            {
                Problem("'{0}' is required when adding a lead", parameter);
            }
        }

        private void CheckKnown(string parameter, long? id, System.Func<long, bool> exists, string kind)
        {
            if (id.HasValue && !exists(id.Value))
            {
                Problem("'{0}' {1} is not {2}", parameter, id.Value, kind);
            }
        }

        private void Problem(string format, params object[] args) =>
            _problems.Add(string.Format(CultureInfo.InvariantCulture, format, args));
    }
}
