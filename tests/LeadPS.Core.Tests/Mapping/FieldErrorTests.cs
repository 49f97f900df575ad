using System.Globalization;
using LeadPS.Mapping;

namespace LeadPS.Core.Tests.Mapping
{
    public class FieldErrorTests
    {
        [Fact]
        public void Every_invalid_copper_field_is_reported_in_one_error()
        {
            var error = TestLeads.Invalid(
                () => new CopperLeadMapper().MapLead(TestLeads.Of(("name", "Row 7"), ("monetary_value", "1,200"), ("assignee_id", "abc"), ("title", "ok"))),
                "monetary_value");
            Assert.Equal(new[] { "monetary_value", "assignee_id" }, error.InvalidFields);
            Assert.Equal(2, error.FieldErrors.Count);
            Assert.StartsWith("The lead has 2 problems ('monetary_value', 'assignee_id'):", error.Message);
            Assert.Contains("'1,200' is not.", error.Message);
            Assert.Contains("'abc' is not.", error.Message);
        }

        [Fact]
        public void Invalid_and_missing_ivvy_fields_come_together_without_naming_a_field_twice()
        {
            var error = TestLeads.Invalid(
                () => new IvvyLeadMapper().MapLead(TestLeads.Of(("name", "New"), ("sourceId", "x"), ("typeId", 43))),
                "sourceId");
            // sourceId is invalid (not also reported missing); stageId, contactId and industryId are missing.
            Assert.Equal(new[] { "sourceId", "stageId", "contactId", "industryId" }, error.InvalidFields);
        }

        [Fact]
        public void One_problem_keeps_its_own_message()
        {
            var error = TestLeads.Invalid(() => new CopperLeadMapper().MapLead(TestLeads.Of(("id", 4), ("monetary_value", "x"))), "monetary_value");
            Assert.Equal("The field 'monetary_value' must be a number; 'x' is not.", error.Message);
            Assert.Equal("monetary_value", Assert.Single(error.FieldErrors).FieldName);
        }

        [Fact]
        public void The_culture_option_reaches_the_mapper()
        {
            var mapper = new CopperLeadMapper(null, null, new LeadMappingOptions(CultureInfo.GetCultureInfo("de-DE"), LeadEmptyValue.Skip));
            Assert.Equal("""{"name":"x","monetary_value":1234.5}""", mapper.MapLead(TestLeads.Of(("name", "x"), ("monetary_value", "1.234,5"))).Json);
        }

        [Fact]
        public void Empty_value_clear_sends_null_to_copper_and_skip_leaves_the_field_out()
        {
            var row = TestLeads.Of(("id", 4), ("title", ""), ("details", "kept"));
            Assert.Equal("""{"title":null,"details":"kept"}""", new CopperLeadMapper(null, null, new LeadMappingOptions(null, LeadEmptyValue.Clear)).MapLead(row).Json);
            Assert.Equal("""{"details":"kept"}""", new CopperLeadMapper().MapLead(row).Json);
        }
    }
}
