using LeadPS.Mapping;

namespace LeadPS.Core.Tests.Mapping
{
    public class CopperSchemaTests
    {
        [Fact]
        public void Parse_reads_every_definition()
        {
            var schema = TestLeads.Schema();

            Assert.Equal(12, schema.Definitions.Count);
            var priority = schema.FindById(100765)!;
            Assert.Equal("Priority", priority.Name);
            Assert.Equal(CopperCustomFieldType.Dropdown, priority.DataType);
            Assert.True(priority.IsAvailableOnLeads);
            Assert.True(priority.IsFilterable);
            Assert.Equal(new[] { "High", "Medium", "Low" }, priority.Options.Select(o => o.Name));
            Assert.Equal(new[] { 1L, 2L, 3L }, priority.Options.Select(o => o.Id));
        }

        [Theory]
        [InlineData("String", CopperCustomFieldType.String)]
        [InlineData("Text", CopperCustomFieldType.Text)]
        [InlineData("Dropdown", CopperCustomFieldType.Dropdown)]
        [InlineData("MultiSelect", CopperCustomFieldType.MultiSelect)]
        [InlineData("Date", CopperCustomFieldType.Date)]
        [InlineData("Float", CopperCustomFieldType.Float)]
        [InlineData("Percentage", CopperCustomFieldType.Percentage)]
        [InlineData("Currency", CopperCustomFieldType.Currency)]
        [InlineData("Checkbox", CopperCustomFieldType.Checkbox)]
        [InlineData("URL", CopperCustomFieldType.Url)]
        [InlineData("Connect", CopperCustomFieldType.Other)]
        [InlineData("", CopperCustomFieldType.Other)]
        public void Data_types_are_read_case_insensitively_and_unknown_ones_kept_as_other(string name, CopperCustomFieldType expected)
        {
            var schema = CopperSchema.Parse("""[{"id":1,"name":"F","data_type":"__T__","available_on":["lead"]}]""".Replace("__T__", name));
            Assert.Equal(expected, schema.Definitions[0].DataType);
            Assert.Equal(name, schema.Definitions[0].DataTypeName);
        }

        [Fact]
        public void Missing_optional_members_are_tolerated()
        {
            var definition = CopperSchema.Parse("""[{"id":"7","name":"Bare"}]""").Definitions[0];
            Assert.Equal(7L, definition.Id);
            Assert.False(definition.IsAvailableOnLeads);
            Assert.False(definition.IsFilterable);
            Assert.Empty(definition.Options);
        }

        [Theory]
        [InlineData("")]
        [InlineData("{}")]
        [InlineData("not json")]
        [InlineData("""[{"name":"no id"}]""")]
        [InlineData("[1,2]")]
        public void Malformed_definitions_raise_an_invalid_response_error(string json)
        {
            var error = Assert.Throws<LeadApiException>(() => CopperSchema.Parse(json));
            Assert.Equal(LeadErrorKind.InvalidResponse, error.ErrorKind);
            Assert.Equal(LeadPlatform.Copper, error.Platform);
        }

        [Theory]
        [InlineData("Lead Score", 100764L)]
        [InlineData("lead score", 100764L)]
        [InlineData(" LEAD SCORE ", 100764L)]
        [InlineData("lead_score", 100764L)]
        [InlineData("LeadScore", 100764L)]
        [InlineData("100765", 100765L)]
        public void Find_by_name_ignores_case_and_separators_or_takes_an_id(string key, long expected) =>
            Assert.Equal(expected, TestLeads.Schema().Find(key)!.Id);

        [Fact]
        public void Find_returns_null_for_unknown_names() =>
            Assert.Null(TestLeads.Schema().Find("Shoe Size"));

        [Fact]
        public void A_name_on_several_record_types_prefers_the_one_on_leads()
        {
            var schema = CopperSchema.Parse("""
                [{"id":1,"name":"Region","data_type":"String","available_on":["person"]},
                 {"id":2,"name":"Region","data_type":"String","available_on":["lead"]}]
                """);
            Assert.Equal(2L, schema.FindByName("region")!.Id);
        }
    }
}
