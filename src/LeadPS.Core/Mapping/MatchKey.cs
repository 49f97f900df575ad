using System;
using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeadPS.Mapping
{
    /// <summary>
    /// A match value as both platforms compare it: trimmed, case-insensitive, numbers by value.
    /// Inputs of one command whose keys are equal would match the same lead, so they are sent one
    /// at a time, in input order.
    /// </summary>
    internal static class MatchKey
    {
        /// <summary>The key of a value, or null when it has none (null, empty or blank).</summary>
        public static string? Of(object? value)
        {
            switch (value)
            {
                case null:
                    return null;
                case JValue scalar:
                    return scalar.Type == JTokenType.Null ? null : Of(scalar.Value);
                case JToken structured:
                    // A Copper custom field match {custom_field_definition_id, value}: its values are already converted and trimmed.
                    return structured.ToString(Formatting.None).ToLowerInvariant();
                case IFormattable formattable:
                    return formattable.ToString(null, CultureInfo.InvariantCulture).Trim().ToLowerInvariant();
                default:
                    var text = value.ToString()?.Trim();
                    return string.IsNullOrEmpty(text) ? null : text!.ToLowerInvariant();
            }
        }
    }
}
