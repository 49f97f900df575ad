using LeadPS.Sandbox.Ivvy;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Ivvy;

public class IvvyAddLeadTests
{
    private readonly IvvyTestApi _api = new();

    [Fact]
    public void Adds_a_contact_lead_and_answers_success_with_its_id()
    {
        var reply = _api.AddLead(IvvyTestApi.ValidContactLead());

        Assert.Equal(200, reply.Status);
        Assert.True((bool)reply.Body["success"]!);
        Assert.Equal(IvvySeedIds.FirstLeadId, reply.Id);
        var lead = Assert.Single(_api.Emulator.Leads);
        Assert.Equal("Spring conference", lead.Name);
        Assert.Equal(IvvySeedIds.ContactJackTaylor, lead.ContactId);
        Assert.Null(lead.CompanyId);
    }

    [Fact]
    public void Adds_a_company_lead()
    {
        var reply = _api.AddLead(IvvyTestApi.ValidCompanyLead());

        Assert.Equal(200, reply.Status);
        var lead = Assert.Single(_api.Emulator.Leads);
        Assert.Equal(IvvySeedIds.CompanyHarbourside, lead.CompanyId);
        Assert.Equal(IvvySeedIds.ContactOliviaChen, lead.CompanyLeadContactId);
    }

    [Fact]
    public void Stores_every_optional_value_given()
    {
        var body = IvvyTestApi.ValidContactLead();
        body["typeId"] = IvvySeedIds.TypeCorporate;
        body["subtypeId"] = IvvySeedIds.SubtypeConference;
        body["stageId"] = IvvySeedIds.StageLost;
        body["stageReasonId"] = IvvySeedIds.ReasonChoseCompetitor;
        body["qualityId"] = IvvySeedIds.QualityBGrade;
        body["channelId"] = IvvySeedIds.ChannelPco;
        body["ownerUserId"] = IvvySeedIds.OwnerRileyManager;
        body["description"] = "Two days, 120 people";
        body["customFields"] = JArray.Parse("""[{"fieldId":81,"fieldValue":120},{"fieldId":82,"fieldValue":"2026-09-01"}]""");

        Assert.Equal(200, _api.AddLead(body).Status);

        var lead = Assert.Single(_api.Emulator.Leads);
        Assert.Equal(IvvySeedIds.SubtypeConference, lead.SubtypeId);
        Assert.Equal(IvvySeedIds.ReasonChoseCompetitor, lead.StageReasonId);
        Assert.Equal(IvvySeedIds.QualityBGrade, lead.QualityId);
        Assert.Equal(IvvySeedIds.ChannelPco, lead.ChannelId);
        Assert.Equal(IvvySeedIds.OwnerRileyManager, lead.OwnerUserId);
        Assert.Equal("Two days, 120 people", lead.Description);
        Assert.Equal(120L, lead.CustomFields[IvvySeedIds.CustomFieldExpectedAttendees]);
        Assert.Equal("2026-09-01", lead.CustomFields[IvvySeedIds.CustomFieldPreferredDate]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{}")]
    [InlineData("null")]
    [InlineData("""{"id":null,"name":null}""")]
    public void An_empty_request_is_24215(string body)
    {
        var reply = _api.AddLead(body);

        Assert.Equal(400, reply.Status);
        Assert.Equal(400, reply.ErrorCode);
        Assert.Equal(24215, reply.SpecificCode);
        Assert.Empty(_api.Emulator.Leads);
    }

    [Fact]
    public void An_unknown_id_is_24216()
    {
        var reply = _api.AddLead("""{"id":999999,"name":"Renamed"}""");

        Assert.Equal(400, reply.Status);
        Assert.Equal(24216, reply.SpecificCode);
        Assert.Equal("The lead does not exist", reply.Message);
    }

    [Theory]
    [InlineData("""{"id":"wrong"}""", "id", "Value must be a whole number")]
    [InlineData("""{"id":12.5}""", "id", "Value must be a whole number")]
    [InlineData("""{"id":true}""", "id", "Value must be a whole number")]
    [InlineData("""{"name":"x","sourceId":"31"}""", "sourceId", "Value must be a whole number")]
    [InlineData("""{"name":42}""", "name", "Value must be a string")]
    [InlineData("""{"name":"x","description":["a"]}""", "description", "Value must be a string")]
    [InlineData("""{"name":"x","customFields":{"fieldId":81}}""", "customFields", "Value must be an array of objects")]
    [InlineData("""{"name":"x","customFields":[81]}""", "customFields", "Value must be an array of objects")]
    [InlineData("""{"name":"x","customFields":[{"fieldId":"a","fieldValue":1}]}""", "customFields[0].fieldId", "Value must be a whole number")]
    [InlineData("""{"name":"x","customFields":[{"fieldId":81,"fieldValue":{"a":1}}]}""", "customFields[0].fieldValue", "Value must be a string, number or boolean")]
    [InlineData("""{"name":"x","contact":"Jack"}""", "contact", "Value must be an object")]
    [InlineData("""{"name":"x","contact":{"firstName":"A","lastName":"B","email":"not-an-email"}}""", "contact.email", "Value must be a valid email address")]
    [InlineData("""{"name":"x","company":{"id":"x"}}""", "company.id", "Value must be a whole number")]
    [InlineData("""{"name":"x","contact":{"id":208,"firstName":""}}""", "contact.firstName", "Value must not be empty")]
    public void A_parameter_of_the_wrong_type_is_23016(string body, string parameter, string reason)
    {
        var reply = _api.AddLead(body);

        Assert.Equal(400, reply.Status);
        Assert.Equal(23016, reply.SpecificCode);
        Assert.Equal("'" + parameter + "' does not validate", reply.Message);
        Assert.Equal(new[] { reason }, reply.AdditionalMessages);
    }

    [Fact]
    public void The_first_invalid_parameter_in_documented_order_is_reported()
    {
        var reply = _api.AddLead("""{"description":5,"id":"x","name":6}""");

        Assert.Equal("'id' does not validate", reply.Message);
    }

    [Fact]
    public void Accepts_a_whole_number_written_as_a_float()
    {
        var body = IvvyTestApi.ValidContactLead();
        body["sourceId"] = 31.0;

        Assert.Equal(200, _api.AddLead(body).Status);
    }

    [Theory]
    [InlineData("""{"name":"x","customFields":[{"fieldValue":1}]}""", "customFields[0].fieldId")]
    [InlineData("""{"name":"x","customFields":[{"fieldId":81,"fieldValue":1},{"fieldId":82}]}""", "customFields[1].fieldValue")]
    [InlineData("""{"name":"x","customFields":[{"fieldId":82,"fieldValue":null}]}""", "customFields[0].fieldValue")]
    [InlineData("""{"name":"x","contact":{"lastName":"B","email":"b@x.example"}}""", "contact.firstName")]
    [InlineData("""{"name":"x","contact":{"firstName":"A","email":"b@x.example"}}""", "contact.lastName")]
    [InlineData("""{"name":"x","contact":{"firstName":"A","lastName":"B"}}""", "contact.email")]
    [InlineData("""{"name":"x","contact":{"firstName":" ","lastName":"B","email":"b@x.example"}}""", "contact.firstName")]
    [InlineData("""{"name":"x","company":{"email":"a@b.example"}}""", "company.businessName")]
    public void A_missing_key_inside_a_supplied_structure_is_23017(string body, string parameter)
    {
        var reply = _api.AddLead(body);

        Assert.Equal(400, reply.Status);
        Assert.Equal(23017, reply.SpecificCode);
        Assert.Equal("'" + parameter + "' is required", reply.Message);
        Assert.Empty(_api.Emulator.Leads);
    }

    [Theory]
    [InlineData("name", "'name' is required when adding a lead")]
    [InlineData("sourceId", "'sourceId' is required when adding a lead")]
    [InlineData("typeId", "'typeId' is required when adding a lead")]
    [InlineData("stageId", "'stageId' is required when adding a lead")]
    [InlineData("contactId", "'contactId' is required for a contact lead (a lead without 'companyId' or 'company')")]
    [InlineData("industryId", "'industryId' is required for a contact lead (a lead without 'companyId' or 'company')")]
    public void A_contact_lead_missing_a_required_value_is_24218(string missing, string expected)
    {
        var body = IvvyTestApi.ValidContactLead();
        body.Remove(missing);

        var reply = _api.AddLead(body);

        AssertInvalid(reply, expected);
    }

    [Fact]
    public void A_blank_name_counts_as_missing()
    {
        var body = IvvyTestApi.ValidContactLead();
        body["name"] = "  ";

        AssertInvalid(_api.AddLead(body), "'name' is required when adding a lead");
    }

    [Fact]
    public void Every_broken_rule_is_listed()
    {
        var reply = _api.AddLead("""{"description":"only this"}""");

        Assert.Equal(24218, reply.SpecificCode);
        Assert.Equal("The lead details are invalid", reply.Message);
        Assert.Equal(6, reply.AdditionalMessages.Count);
    }

    [Fact]
    public void A_company_lead_without_its_lead_contact_is_24218()
    {
        var body = IvvyTestApi.ValidCompanyLead();
        body.Remove("companyLeadContactId");

        AssertInvalid(_api.AddLead(body), "'companyLeadContactId' is required for a company lead");
    }

    [Fact]
    public void A_company_lead_does_not_need_contactId_or_industryId()
    {
        var reply = _api.AddLead(IvvyTestApi.ValidCompanyLead());

        Assert.Equal(200, reply.Status);
    }

    [Fact]
    public void A_company_lead_whose_contact_is_not_one_of_the_companys_is_24218()
    {
        var body = IvvyTestApi.ValidCompanyLead();
        body["companyLeadContactId"] = IvvySeedIds.ContactNoahWilliams;

        AssertInvalid(_api.AddLead(body), "contact 203 does not belong to company 101");
    }

    [Fact]
    public void CompanyLeadContactId_on_a_contact_lead_is_24218()
    {
        var body = IvvyTestApi.ValidContactLead();
        body["companyLeadContactId"] = IvvySeedIds.ContactOliviaChen;

        AssertInvalid(_api.AddLead(body), "'companyLeadContactId' is only for a company lead ('companyId' or 'company')");
    }

    [Theory]
    [InlineData("qualityId", 12345, "'qualityId' 12345 is not a lead quality")]
    [InlineData("industryId", 31, "'industryId' 31 is not an industry")]
    [InlineData("sourceId", 21, "'sourceId' 21 is not a lead source")]
    [InlineData("typeId", 51, "'typeId' 51 is not a lead type")]
    [InlineData("stageId", 41, "'stageId' 41 is not a lead stage")]
    [InlineData("channelId", 11, "'channelId' 11 is not a lead channel")]
    [InlineData("ownerUserId", 208, "'ownerUserId' 208 is not a user")]
    [InlineData("contactId", 101, "'contactId' 101 is not a contact")]
    public void An_unknown_lookup_id_is_24218(string parameter, long id, string expected)
    {
        var body = IvvyTestApi.ValidContactLead();
        body[parameter] = id;

        AssertInvalid(_api.AddLead(body), expected);
    }

    [Fact]
    public void An_unknown_company_is_24218()
    {
        var body = IvvyTestApi.ValidCompanyLead();
        body["companyId"] = 208;

        AssertInvalid(_api.AddLead(body), "'companyId' 208 is not a company");
    }

    [Fact]
    public void An_unknown_company_lead_contact_is_24218()
    {
        var body = IvvyTestApi.ValidCompanyLead();
        body["companyLeadContactId"] = 999;

        AssertInvalid(_api.AddLead(body), "'companyLeadContactId' 999 is not a contact");
    }

    [Fact]
    public void An_unknown_custom_field_is_24218()
    {
        var body = IvvyTestApi.ValidContactLead();
        body["customFields"] = JArray.Parse("""[{"fieldId":81,"fieldValue":1},{"fieldId":99,"fieldValue":"x"}]""");

        AssertInvalid(_api.AddLead(body), "'customFields[1].fieldId' 99 is not a lead custom field");
    }

    [Fact]
    public void A_type_with_sub_types_requires_one()
    {
        var body = IvvyTestApi.ValidContactLead();
        body["typeId"] = IvvySeedIds.TypeWedding;

        AssertInvalid(_api.AddLead(body), "'subtypeId' is required: lead type 42 has sub types");
    }

    [Fact]
    public void A_sub_type_must_belong_to_the_type()
    {
        var body = IvvyTestApi.ValidContactLead();
        body["typeId"] = IvvySeedIds.TypeWedding;
        body["subtypeId"] = IvvySeedIds.SubtypeConference;

        AssertInvalid(_api.AddLead(body), "'subtypeId' 411 is not a sub type of lead type 42");
    }

    [Fact]
    public void A_type_without_sub_types_refuses_one()
    {
        var body = IvvyTestApi.ValidContactLead();
        body["subtypeId"] = IvvySeedIds.SubtypeConference;

        AssertInvalid(_api.AddLead(body), "'subtypeId' 411 is not allowed: lead type 43 has no sub types");
    }

    [Fact]
    public void A_stage_reason_must_belong_to_the_stage()
    {
        var body = IvvyTestApi.ValidContactLead();
        body["stageId"] = IvvySeedIds.StageWon;
        body["stageReasonId"] = IvvySeedIds.ReasonPriceTooHigh;

        AssertInvalid(_api.AddLead(body), "'stageReasonId' 551 is not a reason of lead stage 54");
    }

    [Fact]
    public void Unknown_parameters_are_ignored()
    {
        var body = IvvyTestApi.ValidContactLead();
        body["favouriteColour"] = "teal";

        Assert.Equal(200, _api.AddLead(body).Status);
    }

    [Fact]
    public void Successive_adds_get_successive_ids()
    {
        var first = _api.AddLead(IvvyTestApi.ValidContactLead("A")).Id;
        var second = _api.AddLead(IvvyTestApi.ValidContactLead("A")).Id;

        Assert.Equal(first + 1, second);
        Assert.Equal(2, _api.Emulator.Leads.Count);
    }

    private static void AssertInvalid(IvvyReply reply, string expectedMessage)
    {
        Assert.Equal(400, reply.Status);
        Assert.Equal(400, reply.ErrorCode);
        Assert.Equal(24218, reply.SpecificCode);
        Assert.Equal("The lead details are invalid", reply.Message);
        Assert.Contains(expectedMessage, reply.AdditionalMessages);
    }
}
