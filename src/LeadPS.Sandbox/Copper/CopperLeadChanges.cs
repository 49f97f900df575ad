using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// A validated set of field writes from one request: each value is normalized and ready to
    /// store; a JSON null means "clear this field". Built outside the store lock, applied inside.
    /// </summary>
    internal sealed class CopperLeadChanges
    {
        public Dictionary<string, JToken> Fields { get; } = new Dictionary<string, JToken>(StringComparer.Ordinal);

        public Dictionary<long, JToken> CustomFields { get; } = new Dictionary<long, JToken>();

        /// <summary>The new name, when this change sets one.</summary>
        public string? Name => Fields.TryGetValue("name", out var name) ? CopperJson.AsString(name) : null;

        public bool SetsName => Name != null;
    }
}
