namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>A stored contact. Mutable: only touched under the emulator's lock.</summary>
    internal sealed class IvvyContactRecord
    {
        public IvvyContactRecord(long id, string firstName, string lastName, string email, string? phone = null)
        {
            Id = id;
            FirstName = firstName;
            LastName = lastName;
            Email = email;
            Phone = phone;
        }

        public long Id { get; }

        public string FirstName { get; set; }

        public string LastName { get; set; }

        public string Email { get; set; }

        public string? Phone { get; set; }
    }
}
