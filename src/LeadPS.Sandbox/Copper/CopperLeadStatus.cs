using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>A lead status of the emulated account (read-only view).</summary>
    public sealed class CopperLeadStatus
    {
        internal CopperLeadStatus(long id, string name, int order, bool isDefault)
        {
            Id = id;
            Name = name;
            Order = order;
            IsDefault = isDefault;
        }

        public long Id { get; }

        public string Name { get; }

        public int Order { get; }

        /// <summary>The status a lead gets when none is given.</summary>
        public bool IsDefault { get; }

        internal JObject ToJson() => new JObject
        {
            ["id"] = Id,
            ["name"] = Name,
            ["order"] = Order,
            ["is_default"] = IsDefault,
        };
    }
}
