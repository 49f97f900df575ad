namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>
    /// Stable ids of the iVvy Sandbox's seeded catalogue (the full tables are in docs/sandbox-ivvy.md).
    /// Each kind has its own range, so an id of the wrong kind is caught as unknown.
    /// </summary>
    public static class IvvySeedIds
    {
        public const long QualityAGrade = 11;
        public const long QualityBGrade = 12;
        public const long QualityCGrade = 13;

        public const long IndustryHospitality = 21;
        public const long IndustryTechnology = 22;
        public const long IndustryEducation = 23;
        public const long IndustryGovernment = 24;
        public const long IndustryHealthcare = 25;

        public const long SourceWebsite = 31;
        public const long SourceReferral = 32;
        public const long SourceTradeShow = 33;
        public const long SourceNewspaper = 34;
        public const long SourceColdCall = 35;

        /// <summary>Has sub types <see cref="SubtypeConference"/> and <see cref="SubtypeTrainingDay"/>.</summary>
        public const long TypeCorporate = 41;
        public const long SubtypeConference = 411;
        public const long SubtypeTrainingDay = 412;

        /// <summary>Has sub types <see cref="SubtypeCeremony"/> and <see cref="SubtypeReception"/>.</summary>
        public const long TypeWedding = 42;
        public const long SubtypeCeremony = 421;
        public const long SubtypeReception = 422;

        /// <summary>No sub types.</summary>
        public const long TypeReseller = 43;

        /// <summary>No sub types.</summary>
        public const long TypeSocialEvent = 44;

        /// <summary>No reasons.</summary>
        public const long StageNew = 51;

        /// <summary>No reasons.</summary>
        public const long StageContacted = 52;

        public const long StageInterested = 53;
        public const long ReasonPriceUnderBudget = 531;
        public const long ReasonDateAvailable = 532;

        public const long StageWon = 54;
        public const long ReasonBestPrice = 541;
        public const long ReasonVenueFit = 542;

        public const long StageLost = 55;
        public const long ReasonPriceTooHigh = 551;
        public const long ReasonDateUnavailable = 552;
        public const long ReasonChoseCompetitor = 553;

        public const long ChannelDirect = 61;
        public const long ChannelPco = 62;
        public const long ChannelTravelAgent = 63;
        public const long ChannelOnlineMarketplace = 64;

        public const long OwnerSamSales = 71;
        public const long OwnerRileyManager = 72;

        public const long CustomFieldExpectedAttendees = 81;
        public const long CustomFieldPreferredDate = 82;

        public const long CompanyHarbourside = 101;
        public const long CompanySummitTechnology = 102;
        public const long CompanyGreenfieldUniversity = 103;
        public const long CompanyCoastalHealth = 104;

        /// <summary>Contact of <see cref="CompanyHarbourside"/>.</summary>
        public const long ContactOliviaChen = 201;

        /// <summary>Contact of <see cref="CompanyHarbourside"/>.</summary>
        public const long ContactLiamPatel = 202;

        /// <summary>Contact of <see cref="CompanySummitTechnology"/>.</summary>
        public const long ContactNoahWilliams = 203;

        /// <summary>Contact of <see cref="CompanySummitTechnology"/>.</summary>
        public const long ContactAvaNguyen = 204;

        /// <summary>Contact of <see cref="CompanyGreenfieldUniversity"/>.</summary>
        public const long ContactMiaThompson = 205;

        /// <summary>Contact of <see cref="CompanyCoastalHealth"/>.</summary>
        public const long ContactEthanBrown = 206;

        /// <summary>Contact of <see cref="CompanyCoastalHealth"/>.</summary>
        public const long ContactIslaWilson = 207;

        /// <summary>No company.</summary>
        public const long ContactJackTaylor = 208;

        /// <summary>No company.</summary>
        public const long ContactZoeMartin = 209;

        /// <summary>No company.</summary>
        public const long ContactLucasAnderson = 210;

        /// <summary>The first id given to a lead; leads are numbered upwards from here.</summary>
        public const long FirstLeadId = 1001;
    }
}
