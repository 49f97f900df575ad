using System.Collections.Generic;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>A read-only copy of one company in the iVvy Sandbox and its contacts' ids, for assertions.</summary>
    public sealed class SandboxIvvyCompany
    {
        internal SandboxIvvyCompany(IvvyCompanyRecord company)
        {
            Id = company.Id;
            BusinessName = company.BusinessName;
            Email = company.Email;
            Phone = company.Phone;
            ContactIds = company.ContactIds.ToArray();
        }

        public long Id { get; }

        public string BusinessName { get; }

        public string? Email { get; }

        public string? Phone { get; }

        public IReadOnlyList<long> ContactIds { get; }

        public override string ToString() => "iVvy company " + Id + " " + BusinessName;
    }
}
