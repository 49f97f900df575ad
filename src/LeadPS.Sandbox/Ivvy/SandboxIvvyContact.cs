namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>A read-only copy of one contact in the iVvy Sandbox, for assertions.</summary>
    public sealed class SandboxIvvyContact
    {
        internal SandboxIvvyContact(IvvyContactRecord contact)
        {
            Id = contact.Id;
            FirstName = contact.FirstName;
            LastName = contact.LastName;
            Email = contact.Email;
            Phone = contact.Phone;
        }

        public long Id { get; }

        public string FirstName { get; }

        public string LastName { get; }

        public string Email { get; }

        public string? Phone { get; }

        public override string ToString() => "iVvy contact " + Id + " " + FirstName + " " + LastName;
    }
}
