using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>The emulated Copper account, as <c>GET /account</c> returns it.</summary>
    public sealed class CopperAccount
    {
        internal CopperAccount(long id, string name, string primaryTimezone)
        {
            Id = id;
            Name = name;
            PrimaryTimezone = primaryTimezone;
        }

        public long Id { get; }

        public string Name { get; }

        public string PrimaryTimezone { get; }

        internal JObject ToJson() => new JObject
        {
            ["id"] = Id,
            ["name"] = Name,
            ["primary_timezone"] = PrimaryTimezone,
        };
    }
}
