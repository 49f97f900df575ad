using static LeadPS.Core.Tests.Mapping.TestLeads;

namespace LeadPS.Core.Tests.Mapping
{
    public class IvvyLeadRulesTests
    {
        private static readonly (string, object?)[] Common = { ("name", "Lead"), ("sourceId", 1), ("typeId", 2), ("stageId", 3) };

        private static List<KeyValuePair<string, object?>> Without(string key, params (string Key, object? Value)[] pairs) =>
            Of(pairs.Where(p => p.Key != key).ToArray());

        private static (string, object?)[] ContactLead => Common.Concat(new (string, object?)[] { ("contactId", 4), ("industryId", 5) }).ToArray();

        private static (string, object?)[] CompanyLead => Common.Concat(new (string, object?)[] { ("companyId", 6), ("companyLeadContactId", 7) }).ToArray();

        [Theory]
        [InlineData("name")]
        [InlineData("sourceId")]
        [InlineData("typeId")]
        [InlineData("stageId")]
        [InlineData("contactId")]
        [InlineData("industryId")]
        public void A_contact_lead_names_each_missing_field(string missing)
        {
            var error = Invalid(() => IvvyMapper().MapLead(Without(missing, ContactLead)), missing);
            Assert.Contains("'" + missing + "' is missing", error.Message);
            Assert.Contains("As a contact lead", error.Message);
        }

        [Theory]
        [InlineData("name")]
        [InlineData("sourceId")]
        [InlineData("typeId")]
        [InlineData("stageId")]
        [InlineData("companyLeadContactId")]
        public void A_company_lead_names_each_missing_field(string missing)
        {
            var error = Invalid(() => IvvyMapper().MapLead(Without(missing, CompanyLead)), missing);
            Assert.Contains("As a company lead", error.Message);
        }

        [Fact]
        public void A_company_lead_given_by_company_object_without_companyLeadContactId() =>
            Invalid(() => IvvyMapper().MapLead(Of(Common.Append(("company", Table(("name", "Acme")))).ToArray())), "companyLeadContactId");

        [Fact]
        public void A_company_lead_takes_a_new_contact_object_as_its_lead_contact()
        {
            var lead = IvvyMapper().MapLead(Of(Common.Append(("companyId", 6)).Append(("contact", Table(("firstName", "Nia"), ("lastName", "Okafor"), ("email", "nia@example.test")))).ToArray()));
            Assert.Contains("\"contact\":{", lead.Json);
            Assert.DoesNotContain("companyLeadContactId", lead.Json);
        }

        [Fact]
        public void A_company_lead_with_an_incomplete_new_contact_names_the_missing_key() =>
            Invalid(() => IvvyMapper().MapLead(Of(Common.Append(("companyId", 6)).Append(("contact", Table(("firstName", "Nia")))).ToArray())), "contact.lastName");

        [Fact]
        public void All_missing_fields_are_listed_and_the_first_is_the_field_name()
        {
            var error = Invalid(() => IvvyMapper().MapLead(Of(("description", "only this"))), "name");
            Assert.Contains("'name', 'sourceId', 'typeId', 'stageId', 'contactId', 'industryId' are missing", error.Message);
        }

        [Fact]
        public void An_empty_input_is_refused_naming_name() =>
            Invalid(() => IvvyMapper().MapLead(Of()), "name");

        [Fact]
        public void Null_and_blank_values_count_as_missing()
        {
            Invalid(() => IvvyMapper().MapLead(Of(ContactLead.Select(p => p.Item1 == "typeId" ? ("typeId", (object?)null) : p).ToArray())), "typeId");
            Invalid(() => IvvyMapper().MapLead(Of(ContactLead.Select(p => p.Item1 == "stageId" ? ("stageId", (object?)"") : p).ToArray())), "stageId");
        }

        [Fact]
        public void Complete_contact_and_company_leads_pass()
        {
            Assert.NotNull(IvvyMapper().MapLead(Of(ContactLead)).Json);
            Assert.NotNull(IvvyMapper().MapLead(Of(CompanyLead)).Json);
        }

        [Fact]
        public void A_new_contact_may_replace_contactId_when_it_has_first_and_last_name_and_email()
        {
            var lead = IvvyMapper().MapLead(Without("contactId", ContactLead.Append(("contact", Table(("firstName", "Ann"), ("lastName", "Lee"), ("email", "ann@example.test")))).ToArray()));
            Assert.Contains("\"contact\":{", lead.Json);
        }

        [Theory]
        [InlineData("firstName")]
        [InlineData("lastName")]
        [InlineData("email")]
        public void A_new_contact_names_its_missing_key(string key)
        {
            var contact = new[] { ("firstName", "Ann"), ("lastName", "Lee"), ("email", "ann@example.test") }.Where(p => p.Item1 != key).Select(p => (p.Item1, (object?)p.Item2)).ToArray();
            Invalid(() => IvvyMapper().MapLead(Without("contactId", ContactLead.Append(("contact", Table(contact))).ToArray())), "contact." + key);
        }

        [Fact]
        public void A_new_company_object_replaces_companyId_but_not_companyLeadContactId()
        {
            var lead = IvvyMapper().MapLead(Without("companyId", CompanyLead.Append(("company", Table(("name", "Acme")))).ToArray()));
            Assert.Contains("\"company\":{\"name\":\"Acme\"}", lead.Json);
        }

        [Fact]
        public void An_empty_company_object_does_not_replace_companyId() =>
            Invalid(() => IvvyMapper().MapLead(Without("companyId", CompanyLead.Append(("company", Table())).ToArray())), "companyId");

        [Fact]
        public void ContactId_with_companyId_is_a_company_lead_and_keeps_contactId()
        {
            var lead = IvvyMapper().MapLead(Of(CompanyLead.Append(("contactId", 4)).ToArray()));
            Assert.Contains("\"contactId\":4", lead.Json);
            var error = Invalid(() => IvvyMapper().MapLead(Of(Common.Append(("companyId", 6)).Append(("contactId", 4)).Append(("industryId", 5)).ToArray())), "companyLeadContactId");
            Assert.Contains("As a company lead", error.Message);
        }

        [Fact]
        public void A_null_company_does_not_make_a_company_lead() =>
            Invalid(() => IvvyMapper().MapLead(Of(Common.Append(("company", null)).ToArray())), "contactId");

        [Fact]
        public void QualityId_and_subtypeId_are_not_required_locally() =>
            Assert.DoesNotContain("quality", IvvyMapper().MapLead(Of(ContactLead)).Json);
    }
}
