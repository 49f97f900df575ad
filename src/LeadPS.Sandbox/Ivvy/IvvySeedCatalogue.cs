using static LeadPS.Sandbox.Ivvy.IvvySeedIds;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>Builds a fresh store holding the documented seed catalogue (each emulator gets its own copy).</summary>
    internal static class IvvySeedCatalogue
    {
        public static IvvyStore CreateStore() => new IvvyStore(
            qualities: new[]
            {
                new IvvyNamedItem(QualityAGrade, "A-Grade"),
                new IvvyNamedItem(QualityBGrade, "B-Grade"),
                new IvvyNamedItem(QualityCGrade, "C-Grade"),
            },
            industries: new[]
            {
                new IvvyNamedItem(IndustryHospitality, "Hospitality"),
                new IvvyNamedItem(IndustryTechnology, "Technology"),
                new IvvyNamedItem(IndustryEducation, "Education"),
                new IvvyNamedItem(IndustryGovernment, "Government"),
                new IvvyNamedItem(IndustryHealthcare, "Healthcare & Pharma"),
            },
            sources: new[]
            {
                new IvvyNamedItem(SourceWebsite, "Website"),
                new IvvyNamedItem(SourceReferral, "Referral"),
                new IvvyNamedItem(SourceTradeShow, "Trade Show"),
                new IvvyNamedItem(SourceNewspaper, "Newspaper"),
                new IvvyNamedItem(SourceColdCall, "Cold Call"),
            },
            types: new[]
            {
                new IvvyLeadType(TypeCorporate, "Corporate", new IvvyNamedItem(SubtypeConference, "Conference"), new IvvyNamedItem(SubtypeTrainingDay, "Training Day")),
                new IvvyLeadType(TypeWedding, "Wedding", new IvvyNamedItem(SubtypeCeremony, "Ceremony"), new IvvyNamedItem(SubtypeReception, "Reception")),
                new IvvyLeadType(TypeReseller, "Reseller"),
                new IvvyLeadType(TypeSocialEvent, "Social Event"),
            },
            stages: new[]
            {
                new IvvyLeadStage(StageNew, "New"),
                new IvvyLeadStage(StageContacted, "Contacted"),
                new IvvyLeadStage(StageInterested, "Interested", new IvvyNamedItem(ReasonPriceUnderBudget, "Price under budget"), new IvvyNamedItem(ReasonDateAvailable, "Date available")),
                new IvvyLeadStage(StageWon, "Won", new IvvyNamedItem(ReasonBestPrice, "Best price"), new IvvyNamedItem(ReasonVenueFit, "Venue fit")),
                new IvvyLeadStage(StageLost, "Lost", new IvvyNamedItem(ReasonPriceTooHigh, "Price too high"), new IvvyNamedItem(ReasonDateUnavailable, "Date unavailable"), new IvvyNamedItem(ReasonChoseCompetitor, "Chose a competitor")),
            },
            channels: new[]
            {
                new IvvyNamedItem(ChannelDirect, "Direct"),
                new IvvyNamedItem(ChannelPco, "PCO"),
                new IvvyNamedItem(ChannelTravelAgent, "Travel Agent"),
                new IvvyNamedItem(ChannelOnlineMarketplace, "Online Marketplace"),
            },
            owners: new[]
            {
                new IvvyOwnerUser(OwnerSamSales, "Sam", "Sales", "sam.sales@sandbox.example"),
                new IvvyOwnerUser(OwnerRileyManager, "Riley", "Manager", "riley.manager@sandbox.example"),
            },
            customFields: new[]
            {
                new IvvyNamedItem(CustomFieldExpectedAttendees, "Expected attendees"),
                new IvvyNamedItem(CustomFieldPreferredDate, "Preferred date"),
            },
            contacts: new[]
            {
                new IvvyContactRecord(ContactOliviaChen, "Olivia", "Chen", "olivia.chen@harbourside.example", "+61 2 5550 0101"),
                new IvvyContactRecord(ContactLiamPatel, "Liam", "Patel", "liam.patel@harbourside.example", "+61 2 5550 0102"),
                new IvvyContactRecord(ContactNoahWilliams, "Noah", "Williams", "noah.williams@summit-tech.example", "+61 3 5550 0201"),
                new IvvyContactRecord(ContactAvaNguyen, "Ava", "Nguyen", "ava.nguyen@summit-tech.example"),
                new IvvyContactRecord(ContactMiaThompson, "Mia", "Thompson", "mia.thompson@greenfield.example", "+61 7 5550 0301"),
                new IvvyContactRecord(ContactEthanBrown, "Ethan", "Brown", "ethan.brown@coastalhealth.example"),
                new IvvyContactRecord(ContactIslaWilson, "Isla", "Wilson", "isla.wilson@coastalhealth.example", "+61 8 5550 0402"),
                new IvvyContactRecord(ContactJackTaylor, "Jack", "Taylor", "jack.taylor@mail.example", "+61 400 555 801"),
                new IvvyContactRecord(ContactZoeMartin, "Zoe", "Martin", "zoe.martin@mail.example"),
                new IvvyContactRecord(ContactLucasAnderson, "Lucas", "Anderson", "lucas.anderson@mail.example", "+61 400 555 810"),
            },
            companies: new[]
            {
                new IvvyCompanyRecord(CompanyHarbourside, "Harbourside Events Pty Ltd", "events@harbourside.example", "+61 2 5550 0100", ContactOliviaChen, ContactLiamPatel),
                new IvvyCompanyRecord(CompanySummitTechnology, "Summit Technology Group", "hello@summit-tech.example", null, ContactNoahWilliams, ContactAvaNguyen),
                new IvvyCompanyRecord(CompanyGreenfieldUniversity, "Greenfield University", "conferences@greenfield.example", "+61 7 5550 0300", ContactMiaThompson),
                new IvvyCompanyRecord(CompanyCoastalHealth, "Coastal Health Network", null, "+61 8 5550 0400", ContactEthanBrown, ContactIslaWilson),
            },
            firstLeadId: FirstLeadId);
    }
}
