using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>A custom field definition of the emulated account (read-only view).</summary>
    public sealed class CopperCustomFieldDefinition
    {
        internal CopperCustomFieldDefinition(
            long id,
            string name,
            string dataType,
            IEnumerable<string> availableOn,
            bool isFilterable,
            IEnumerable<CopperCustomFieldOption>? options = null)
        {
            Id = id;
            Name = name ?? throw new ArgumentNullException(nameof(name));
            DataType = dataType ?? throw new ArgumentNullException(nameof(dataType));
            AvailableOn = (availableOn ?? throw new ArgumentNullException(nameof(availableOn))).ToArray();
            IsFilterable = isFilterable;
            Options = (options ?? Enumerable.Empty<CopperCustomFieldOption>()).ToArray();
        }

        public long Id { get; }

        public string Name { get; }

        /// <summary>One of <see cref="CopperDataTypes"/>.</summary>
        public string DataType { get; }

        /// <summary>Record types the field exists on, e.g. <c>lead</c>, <c>person</c>.</summary>
        public IReadOnlyList<string> AvailableOn { get; }

        /// <summary>Whether searches and upsert matches may use it.</summary>
        public bool IsFilterable { get; }

        public IReadOnlyList<CopperCustomFieldOption> Options { get; }

        public bool IsAvailableOnLeads => AvailableOn.Contains("lead", StringComparer.Ordinal);

        public bool HasOption(long optionId) => Options.Any(option => option.Id == optionId);

        internal JObject ToJson() => new JObject
        {
            ["id"] = Id,
            ["name"] = Name,
            ["canonical_name"] = null,
            ["data_type"] = DataType,
            ["available_on"] = new JArray(AvailableOn),
            ["is_filterable"] = IsFilterable,
            ["options"] = new JArray(Options.Select(option => new JObject
            {
                ["id"] = option.Id,
                ["name"] = option.Name,
                ["rank"] = option.Rank,
            })),
        };
    }
}
