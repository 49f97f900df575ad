using System;
using System.Collections.Generic;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeadPS.Mapping
{
    /// <summary>
    /// A lead turned into one platform's request body, with what the mapping could not send so the
    /// caller can warn about it instead of losing it silently.
    /// </summary>
    public sealed class MappedLead
    {
        private readonly JObject _body;

        internal MappedLead(
            LeadPlatform platform,
            JObject body,
            long? id,
            string? name,
            IReadOnlyList<string> unknownProperties,
            IReadOnlyList<string> readOnlyProperties)
        {
            Platform = platform;
            _body = body;
            Json = body.ToString(Formatting.None);
            Id = id;
            Name = name;
            UnknownProperties = unknownProperties;
            ReadOnlyProperties = readOnlyProperties;
        }

        public LeadPlatform Platform { get; }

        /// <summary>The request body, compact, exactly as it should be sent (and signed, for iVvy).</summary>
        public string Json { get; }

        /// <summary>The lead's id when the input or the caller gave one (an update), otherwise null (an add).</summary>
        public long? Id { get; }

        /// <summary>The lead's name when the input gave one, for messages and -WhatIf targets.</summary>
        public string? Name { get; }

        /// <summary>Input properties the platform does not know, as the user named them; not sent.</summary>
        public IReadOnlyList<string> UnknownProperties { get; }

        /// <summary>Input properties the platform only ever returns (such as Copper's date_created); not sent.</summary>
        public IReadOnlyList<string> ReadOnlyProperties { get; }

        /// <summary>The body as parsed JSON, for reading only (it is the same object the Json text came from).</summary>
        internal JObject Body => _body;

        /// <summary>A copy of the body, for adapters that change it before sending.</summary>
        internal JObject ToJObject() => (JObject)_body.DeepClone();

        public override string ToString() => Platform + " lead " + (Id.HasValue ? Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : "(new)") + (Name == null ? string.Empty : " '" + Name + "'");
    }
}
