using System.Collections.Generic;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>A stored company and the ids of its contacts. Mutable: only touched under the emulator's lock.</summary>
    internal sealed class IvvyCompanyRecord
    {
        public IvvyCompanyRecord(long id, string businessName, string? email = null, string? phone = null, params long[] contactIds)
        {
            Id = id;
            BusinessName = businessName;
            Email = email;
            Phone = phone;
            ContactIds = new List<long>(contactIds);
        }

        public long Id { get; }

        public string BusinessName { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }

        public List<long> ContactIds { get; }

        public bool HasContact(long contactId) => ContactIds.Contains(contactId);
    }
}
