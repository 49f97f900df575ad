using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>A user of the emulated account; valid values of <c>assignee_id</c>.</summary>
    public sealed class CopperUser
    {
        internal CopperUser(long id, string name, string email)
        {
            Id = id;
            Name = name;
            Email = email;
        }

        public long Id { get; }

        public string Name { get; }

        public string Email { get; }

        internal JObject ToJson(string email) => new JObject
        {
            ["id"] = Id,
            ["name"] = Name,
            ["email"] = email,
        };
    }
}
