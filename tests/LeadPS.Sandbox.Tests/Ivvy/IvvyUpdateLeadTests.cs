using LeadPS.Sandbox.Ivvy;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Tests.Ivvy;

public class IvvyUpdateLeadTests
{
    private readonly IvvyTestApi _api = new();

    [Fact]
    public void Changes_only_the_values_given()
    {
        var body = IvvyTestApi.ValidContactLead("Original");
        body["description"] = "keep me";
        body["qualityId"] = IvvySeedIds.QualityAGrade;
        body["customFields"] = JArray.Parse("""[{"fieldId":81,"fieldValue":50},{"fieldId":82,"fieldValue":"2026-05-01"}]""");
        var id = _api.AddLead(body).Id;
        var before = _api.Emulator.Leads.Single();

        var reply = _api.AddLead(new JObject
        {
            ["id"] = id,
            ["name"] = "Renamed",
            ["stageId"] = IvvySeedIds.StageContacted,
            ["customFields"] = JArray.Parse("""[{"fieldId":81,"fieldValue":75}]"""),
        });

        Assert.Equal(200, reply.Status);
        Assert.True((bool)reply.Body["success"]!);
        Assert.Equal(id, reply.Id);
        var after = _api.Emulator.Leads.Single();
        Assert.Equal("Renamed", after.Name);
        Assert.Equal(IvvySeedIds.StageContacted, after.StageId);
        Assert.Equal("keep me", after.Description);
        Assert.Equal(IvvySeedIds.QualityAGrade, after.QualityId);
        Assert.Equal(before.ContactId, after.ContactId);
        Assert.Equal(before.IndustryId, after.IndustryId);
        Assert.Equal(before.SourceId, after.SourceId);
        Assert.Equal(before.TypeId, after.TypeId);
        Assert.Equal(75L, after.CustomFields[IvvySeedIds.CustomFieldExpectedAttendees]);
        Assert.Equal("2026-05-01", after.CustomFields[IvvySeedIds.CustomFieldPreferredDate]);
        Assert.Equal(before.CreatedDate, after.CreatedDate);
        Assert.True(after.ModifiedDate >= before.ModifiedDate);
    }

    [Fact]
    public void An_update_needs_none_of_the_add_only_values()
    {
        var id = _api.Emulator.SeedLead("Seeded", IvvySeedIds.ContactZoeMartin);

        var reply = _api.AddLead(new JObject { ["id"] = id, ["description"] = "just this" });

        Assert.Equal(200, reply.Status);
        Assert.Equal("just this", _api.Emulator.Leads.Single().Description);
    }

    [Fact]
    public void An_update_checks_the_ids_it_is_given()
    {
        var id = _api.Emulator.SeedLead("Seeded", IvvySeedIds.ContactZoeMartin);

        var reply = _api.AddLead(new JObject { ["id"] = id, ["sourceId"] = 999 });

        Assert.Equal(24218, reply.SpecificCode);
        Assert.Contains("'sourceId' 999 is not a lead source", reply.AdditionalMessages);
        Assert.Equal(IvvySeedIds.SourceWebsite, _api.Emulator.Leads.Single().SourceId);
    }

    [Fact]
    public void An_update_refuses_an_empty_name()
    {
        var id = _api.Emulator.SeedLead("Seeded", IvvySeedIds.ContactZoeMartin);

        var reply = _api.AddLead(new JObject { ["id"] = id, ["name"] = "" });

        Assert.Equal(24218, reply.SpecificCode);
        Assert.Contains("'name' must not be empty", reply.AdditionalMessages);
    }

    [Fact]
    public void Changing_to_a_type_with_sub_types_requires_a_sub_type()
    {
        var id = _api.Emulator.SeedLead("Seeded", IvvySeedIds.ContactZoeMartin);

        var refused = _api.AddLead(new JObject { ["id"] = id, ["typeId"] = IvvySeedIds.TypeCorporate });
        var accepted = _api.AddLead(new JObject { ["id"] = id, ["typeId"] = IvvySeedIds.TypeCorporate, ["subtypeId"] = IvvySeedIds.SubtypeTrainingDay });

        Assert.Contains("'subtypeId' is required: lead type 41 has sub types", refused.AdditionalMessages);
        Assert.Equal(200, accepted.Status);
        Assert.Equal(IvvySeedIds.SubtypeTrainingDay, _api.Emulator.Leads.Single().SubtypeId);
    }

    [Fact]
    public void Changing_to_a_type_without_sub_types_drops_the_old_sub_type()
    {
        var body = IvvyTestApi.ValidContactLead();
        body["typeId"] = IvvySeedIds.TypeWedding;
        body["subtypeId"] = IvvySeedIds.SubtypeReception;
        var id = _api.AddLead(body).Id;

        Assert.Equal(200, _api.AddLead(new JObject { ["id"] = id, ["typeId"] = IvvySeedIds.TypeReseller }).Status);

        Assert.Null(_api.Emulator.Leads.Single().SubtypeId);
    }

    [Fact]
    public void A_sub_type_alone_must_belong_to_the_stored_type()
    {
        var body = IvvyTestApi.ValidContactLead();
        body["typeId"] = IvvySeedIds.TypeWedding;
        body["subtypeId"] = IvvySeedIds.SubtypeReception;
        var id = _api.AddLead(body).Id;

        var refused = _api.AddLead(new JObject { ["id"] = id, ["subtypeId"] = IvvySeedIds.SubtypeConference });
        var accepted = _api.AddLead(new JObject { ["id"] = id, ["subtypeId"] = IvvySeedIds.SubtypeCeremony });

        Assert.Contains("'subtypeId' 411 is not a sub type of lead type 42", refused.AdditionalMessages);
        Assert.Equal(200, accepted.Status);
    }

    [Fact]
    public void Changing_stage_drops_a_reason_that_does_not_apply_and_keeps_one_that_does()
    {
        var body = IvvyTestApi.ValidContactLead();
        body["stageId"] = IvvySeedIds.StageLost;
        body["stageReasonId"] = IvvySeedIds.ReasonPriceTooHigh;
        var id = _api.AddLead(body).Id;

        _api.AddLead(new JObject { ["id"] = id, ["stageId"] = IvvySeedIds.StageLost });
        Assert.Equal(IvvySeedIds.ReasonPriceTooHigh, _api.Emulator.Leads.Single().StageReasonId);

        _api.AddLead(new JObject { ["id"] = id, ["stageId"] = IvvySeedIds.StageContacted });
        Assert.Null(_api.Emulator.Leads.Single().StageReasonId);
    }

    [Fact]
    public void A_stage_reason_alone_must_belong_to_the_stored_stage()
    {
        var body = IvvyTestApi.ValidContactLead();
        body["stageId"] = IvvySeedIds.StageInterested;
        var id = _api.AddLead(body).Id;

        var refused = _api.AddLead(new JObject { ["id"] = id, ["stageReasonId"] = IvvySeedIds.ReasonBestPrice });
        var accepted = _api.AddLead(new JObject { ["id"] = id, ["stageReasonId"] = IvvySeedIds.ReasonDateAvailable });

        Assert.Contains("'stageReasonId' 541 is not a reason of lead stage 53", refused.AdditionalMessages);
        Assert.Equal(200, accepted.Status);
    }

    [Fact]
    public void Moving_a_company_lead_checks_its_contact_belongs_to_the_new_company()
    {
        var id = _api.Emulator.SeedCompanyLead("Gala", IvvySeedIds.CompanyHarbourside, IvvySeedIds.ContactOliviaChen);

        var refused = _api.AddLead(new JObject { ["id"] = id, ["companyId"] = IvvySeedIds.CompanySummitTechnology });
        var accepted = _api.AddLead(new JObject
        {
            ["id"] = id,
            ["companyId"] = IvvySeedIds.CompanySummitTechnology,
            ["companyLeadContactId"] = IvvySeedIds.ContactAvaNguyen,
        });

        Assert.Contains("contact 201 does not belong to company 102", refused.AdditionalMessages);
        Assert.Equal(200, accepted.Status);
        var lead = _api.Emulator.Leads.Single();
        Assert.Equal(IvvySeedIds.CompanySummitTechnology, lead.CompanyId);
        Assert.Equal(IvvySeedIds.ContactAvaNguyen, lead.CompanyLeadContactId);
    }

    [Fact]
    public void Giving_a_company_turns_a_contact_lead_into_a_company_lead()
    {
        var id = _api.Emulator.SeedLead("Was a contact lead", IvvySeedIds.ContactMiaThompson);

        var reply = _api.AddLead(new JObject
        {
            ["id"] = id,
            ["companyId"] = IvvySeedIds.CompanyGreenfieldUniversity,
            ["companyLeadContactId"] = IvvySeedIds.ContactMiaThompson,
        });

        Assert.Equal(200, reply.Status);
        var lead = _api.Emulator.Leads.Single();
        Assert.Equal(IvvySeedIds.CompanyGreenfieldUniversity, lead.CompanyId);
        Assert.Equal(IvvySeedIds.ContactMiaThompson, lead.ContactId);
    }

    [Fact]
    public void A_type_error_on_update_stores_nothing()
    {
        var id = _api.Emulator.SeedLead("Seeded", IvvySeedIds.ContactZoeMartin);

        var reply = _api.AddLead(new JObject { ["id"] = id, ["name"] = "New", ["stageId"] = "Won" });

        Assert.Equal(23016, reply.SpecificCode);
        Assert.Equal("Seeded", _api.Emulator.Leads.Single().Name);
    }
}
