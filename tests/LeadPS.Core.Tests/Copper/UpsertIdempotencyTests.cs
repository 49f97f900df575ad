using LeadPS.Copper;
using LeadPS.Ivvy;
using Newtonsoft.Json.Linq;

namespace LeadPS.Core.Tests.Copper;

/// <summary>Which writes may be sent twice without risking a second lead, contact or company.</summary>
public class UpsertIdempotencyTests
{
    [Theory]
    [InlineData("""{"properties":{"name":"A","email":{"email":"a@x.test","category":"work"}},"match":{"field_name":"email","field_value":"A@X.test"}}""", true)]
    [InlineData("""{"properties":{"name":"A","email":{"email":"a@x.test","category":"work"}},"match":{"field_name":"email","field_value":"other@x.test"}}""", false)]
    [InlineData("""{"properties":{"name":"A"},"match":{"field_name":"email","field_value":"a@x.test"}}""", false)]
    [InlineData("""{"properties":{"name":"Ada"},"match":{"field_name":"name","field_value":"ada"}}""", true)]
    [InlineData("""{"properties":{"name":"Ada"},"match":{"field_name":"name","field_value":"Grace"}}""", false)]
    [InlineData("""{"properties":{"name":"A","custom_fields":[{"custom_field_definition_id":100764,"value":"R-1"}]},"match":{"field_name":"custom","field_value":{"custom_field_definition_id":100764,"value":"R-1"}}}""", true)]
    [InlineData("""{"properties":{"name":"A","custom_fields":[{"custom_field_definition_id":100764,"value":"R-2"}]},"match":{"field_name":"custom","field_value":{"custom_field_definition_id":100764,"value":"R-1"}}}""", false)]
    public void A_copper_upsert_is_resendable_only_when_its_properties_carry_the_match(string body, bool expected) =>
        Assert.Equal(expected, CopperLeadService.MatchCarriedByProperties(JObject.Parse(body)));

    [Theory]
    [InlineData("""{"name":"A","contactId":208}""", false)]
    [InlineData("""{"id":5,"description":"x"}""", true)]
    [InlineData("""{"id":5,"contact":{"id":208,"email":"j@x.test"}}""", true)]
    [InlineData("""{"id":5,"contact":{"firstName":"N","lastName":"O","email":"n@x.test"}}""", false)]
    [InlineData("""{"id":5,"company":{"name":"New Co"}}""", false)]
    public void An_ivvy_write_is_resendable_only_when_it_creates_nothing(string body, bool expected) =>
        Assert.Equal(expected, IvvyLeadClient.IsIdempotent(JObject.Parse(body)));
}
