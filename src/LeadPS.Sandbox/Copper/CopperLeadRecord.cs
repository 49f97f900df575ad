namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// A snapshot of one stored lead, for assertions: a few typed fields and the full lead exactly
    /// as the API would return it (<see cref="Json"/>). Later changes to the store do not affect it.
    /// </summary>
    public sealed class CopperLeadRecord
    {
        internal CopperLeadRecord(long id, string name, string? email, long statusId, long dateCreated, long dateModified, string json)
        {
            Id = id;
            Name = name;
            Email = email;
            StatusId = statusId;
            DateCreated = dateCreated;
            DateModified = dateModified;
            Json = json;
        }

        public long Id { get; }

        public string Name { get; }

        /// <summary>The address part of the lead's <c>email</c> object, if any.</summary>
        public string? Email { get; }

        public long StatusId { get; }

        /// <summary>Unix seconds.</summary>
        public long DateCreated { get; }

        /// <summary>Unix seconds.</summary>
        public long DateModified { get; }

        /// <summary>The lead as <c>GET /leads/{id}</c> returns it (compact JSON).</summary>
        public string Json { get; }

        public override string ToString() => "Copper lead " + Id + " '" + Name + "'";
    }
}
