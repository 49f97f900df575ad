namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>iVvy's specific codes the emulator answers with (see docs/sandbox-ivvy.md).</summary>
    internal static class IvvySpecificCodes
    {
        /// <summary>The request's IVVY-Date is more than 5 minutes away from the server clock.</summary>
        public const int RequestStale = 23005;

        /// <summary>The first parameter that does not validate (wrong type, bad value).</summary>
        public const int ParameterInvalid = 23016;

        /// <summary>A required key is missing inside a structure the request supplied.</summary>
        public const int ParameterMissing = 23017;

        /// <summary>addOrUpdateLead: the request is empty.</summary>
        public const int LeadRequestEmpty = 24215;

        /// <summary>addOrUpdateLead: the lead does not exist.</summary>
        public const int LeadNotFound = 24216;

        /// <summary>addOrUpdateLead: the lead details are invalid.</summary>
        public const int LeadInvalid = 24218;
    }
}
