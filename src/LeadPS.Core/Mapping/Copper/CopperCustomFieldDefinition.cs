using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadPS.Mapping
{
    /// <summary>One entry of Copper's <c>GET /custom_field_definitions</c>.</summary>
    public sealed class CopperCustomFieldDefinition
    {
        public CopperCustomFieldDefinition(
            long id,
            string name,
            CopperCustomFieldType dataType,
            IEnumerable<string>? availableOn = null,
            bool isFilterable = false,
            IEnumerable<CopperCustomFieldOption>? options = null,
            string? dataTypeName = null)
        {
            Id = id;
            Name = name ?? string.Empty;
            DataType = dataType;
            DataTypeName = dataTypeName ?? dataType.ToString();
            AvailableOn = (availableOn ?? Enumerable.Empty<string>()).ToArray();
            IsFilterable = isFilterable;
            Options = (options ?? Enumerable.Empty<CopperCustomFieldOption>()).ToArray();
        }

        public long Id { get; }

        public string Name { get; }

        public CopperCustomFieldType DataType { get; }

        /// <summary>The data type as Copper spelled it (kept for types LeadPS does not know).</summary>
        public string DataTypeName { get; }

        /// <summary>The record types the field exists on: lead, person, company, opportunity, ...</summary>
        public IReadOnlyList<string> AvailableOn { get; }

        /// <summary>Whether searches (and so upsert matches) may use the field.</summary>
        public bool IsFilterable { get; }

        public IReadOnlyList<CopperCustomFieldOption> Options { get; }

        public bool IsAvailableOnLeads => AvailableOn.Any(a => string.Equals(a?.Trim(), "lead", StringComparison.OrdinalIgnoreCase));

        public override string ToString() => Name + " (" + DataTypeName + ", id " + Id + ")";
    }
}
