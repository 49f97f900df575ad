using LeadPS.Ivvy;
using Newtonsoft.Json.Linq;

namespace LeadPS.Core.Tests.Ivvy;

public class IvvyLeadConditionTests
{
    [Theory]
    [InlineData("name", "name")]
    [InlineData("Name", "name")]
    [InlineData("email", "contactEmail")]
    [InlineData("contactId", "contactId")]
    [InlineData("Source Id", "sourceId")]
    [InlineData("id", "id")]
    [InlineData("customFields.81", null)]
    [InlineData("81", null)]
    [InlineData("contact.phone", null)]
    [InlineData("contact", null)]
    public void Each_match_field_has_the_filter_key_to_try(string field, string? key)
    {
        Assert.Equal(key, new IvvyMatchField(field).FilterKey);
    }

    [Theory]
    [InlineData("Board dinner", "name", "Board dinner")]
    [InlineData("Board*", "name__BEGINS", "Board")]
    [InlineData("Board*din?er", "name__BEGINS", "Board")]
    [InlineData("*dinner", "name__ENDS", "dinner")]
    [InlineData("?oard din*", "name__CONTAINS", "oard din")]
    [InlineData("*ard*", "name__CONTAINS", "ard")]
    [InlineData("[bB]oard*", "name__CONTAINS", "oard")]
    public void A_wildcard_pattern_asks_for_the_narrowest_filter_it_fits(string pattern, string key, string value)
    {
        var condition = IvvyLeadCondition.ForWildcard(IvvyMatchField.Name, pattern)!;

        Assert.Equal(key, condition.Key);
        Assert.Equal(value, (string)condition.Value!);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("?*")]
    [InlineData("Board`*")]
    public void A_pattern_with_no_literal_text_or_an_escape_asks_for_nothing(string pattern)
    {
        Assert.Null(IvvyLeadCondition.ForWildcard(IvvyMatchField.Name, pattern));
    }

    [Theory]
    [InlineData("Board dinner", true)]
    [InlineData(" BOARD DINNER ", true)]
    [InlineData("Board dinner 2027", false)]
    [InlineData(null, false)]
    public void Equality_is_checked_locally_like_the_match(string? name, bool holds)
    {
        var condition = IvvyLeadCondition.Equal(IvvyMatchField.Name, "board dinner")!;

        Assert.Equal(holds, condition.Holds(new JObject { ["id"] = 1, ["name"] = name }));
    }

    [Theory]
    [InlineData("Board*", "board meeting", true)]
    [InlineData("Board*", "The board", false)]
    [InlineData("*dinner", "Gala DINNER", true)]
    [InlineData("*oard*", "Aboard", true)]
    [InlineData("*oard*", "Gala", false)]
    public void Begins_ends_and_contains_are_checked_ignoring_case(string pattern, string name, bool holds)
    {
        Assert.Equal(holds, IvvyLeadCondition.ForWildcard(IvvyMatchField.Name, pattern)!.Holds(new JObject { ["name"] = name }));
    }

    [Fact]
    public void The_contacts_email_and_numbers_are_read_where_the_listing_has_them()
    {
        var lead = new JObject { ["id"] = 1001, ["contactId"] = 208, ["contact"] = new JObject { ["email"] = "Jack.Taylor@mail.example" } };

        Assert.True(IvvyLeadCondition.Equal(IvvyMatchField.Email, "jack.taylor@MAIL.example")!.Holds(lead));
        Assert.True(IvvyLeadCondition.Equal(new IvvyMatchField("contactId"), 208L)!.Holds(lead));
        Assert.True(IvvyLeadCondition.Equal(IvvyMatchField.Id, 1001L)!.Holds(lead));
        Assert.False(IvvyLeadCondition.Equal(IvvyMatchField.Id, 1002L)!.Holds(lead));
    }
}
