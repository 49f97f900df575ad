using System.Collections;
using System.Dynamic;
using LeadPS.Mapping;
using static LeadPS.Core.Tests.Mapping.TestLeads;

namespace LeadPS.Core.Tests.Mapping
{
    /// <summary>The plain .NET shapes the PowerShell layer may hand over, nested inside a lead.</summary>
    public class ValueShapeTests
    {
        public static TheoryData<object> EmailObjects()
        {
            IDictionary<string, object?> expando = new ExpandoObject();
            expando["email"] = "a@b.test";
            return new TheoryData<object>
            {
                Table(("email", "a@b.test")),
                new Dictionary<string, object?> { ["email"] = "a@b.test" },
                new Dictionary<string, string> { ["email"] = "a@b.test" },
                new SortedList { ["email"] = "a@b.test" },
                Record(("email", "a@b.test")),
                (ExpandoObject)expando,
            };
        }

        [Theory]
        [MemberData(nameof(EmailObjects))]
        public void Every_dictionary_shape_is_a_nested_object(object email) =>
            Assert.Equal("a@b.test", (string?)Body(CopperMapper().MapLead(Of(("name", "x"), ("email", email))))["email"]!["email"]);

        public static TheoryData<object> TagLists() => new()
        {
            new object[] { "a", "b" },
            new[] { "a", "b" },
            new List<string> { "a", "b" },
            new ArrayList { "a", "b" },
            new List<object?> { "a", null, "b" },
        };

        [Theory]
        [MemberData(nameof(TagLists))]
        public void Every_list_shape_is_an_array(object tags) =>
            Assert.Equal("""["a","b"]""", Body(CopperMapper().MapLead(Of(("name", "x"), ("tags", tags))))["tags"]!.ToString(Newtonsoft.Json.Formatting.None));

        [Theory]
        [InlineData("tags", ";")]
        [InlineData("tags", " , ")]
        [InlineData("phone", ";")]
        [InlineData("Interests", ";;")]
        public void A_csv_cell_holding_only_separators_is_blank(string column, string cell)
        {
            var lead = CopperMapper().MapLead(Of(("name", "x"), (column, cell)));
            Assert.Equal("""{"name":"x"}""", lead.Json);
        }

        [Fact]
        public void An_explicit_empty_array_clears_the_list() =>
            Assert.Equal("""{"tags":[]}""", CopperMapper().MapLead(Of(("id", 1), ("tags", Array.Empty<object>()))).Json);

        [Theory]
        [InlineData(null, "null")]
        [InlineData("abc", "'abc'")]
        [InlineData(true, "'true'")]
        [InlineData(4.5, "'4.5'")]
        public void Describe_quotes_scalars(object? value, string expected) =>
            Assert.Equal(expected, ValueShape.Describe(value));

        [Fact]
        public void Describe_names_other_shapes()
        {
            Assert.Equal("an array", ValueShape.Describe(new[] { 1 }));
            Assert.Equal("an object", ValueShape.Describe(Table()));
            Assert.Equal("a value of type Object", ValueShape.Describe(new object()));
        }

        [Fact]
        public void A_null_input_is_a_programming_error() =>
            Assert.Throws<ArgumentNullException>(() => CopperMapper().MapLead(null!));
    }
}
