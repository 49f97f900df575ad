namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>An account user who can own leads (<c>ownerUserId</c>).</summary>
    internal sealed class IvvyOwnerUser
    {
        public IvvyOwnerUser(long id, string firstName, string lastName, string email)
        {
            Id = id;
            FirstName = firstName;
            LastName = lastName;
            Email = email;
        }

        public long Id { get; }

        public string FirstName { get; }

        public string LastName { get; }

        public string Email { get; }
    }
}
