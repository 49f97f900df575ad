using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>A customer source of the emulated account (read-only view).</summary>
    public sealed class CopperCustomerSource
    {
        internal CopperCustomerSource(long id, string name)
        {
            Id = id;
            Name = name;
        }

        public long Id { get; }

        public string Name { get; }

        internal JObject ToJson() => new JObject { ["id"] = Id, ["name"] = Name };
    }
}
