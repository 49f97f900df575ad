using System;
using System.Collections.Generic;

namespace LeadPS.Mapping
{
    /// <summary>
    /// One entry of a platform's custom-field list, read from its two keys (Copper's
    /// custom_field_definition_id/value, iVvy's fieldId/fieldValue): both are required, each once,
    /// and any other key is reported as unknown rather than dropped.
    /// </summary>
    internal static class IdValueEntry
    {
        public static (object? Id, object? Value) Read(
            LeadValueConverter converter,
            IEnumerable<KeyValuePair<string, object?>> entry,
            FieldRef field,
            string listName,
            string idKey,
            string valueKey,
            Action<string> unknown)
        {
            object? id = null;
            object? value = null;
            var hasValue = false;
            var keys = new SlotTracker(converter);
            var normalizedId = PropertyKey.Normalize(idKey);
            var normalizedValue = PropertyKey.Normalize(valueKey);
            foreach (var pair in entry)
            {
                var key = PropertyKey.Normalize(pair.Key);
                if (key == normalizedId)
                {
                    keys.Claim(key, pair.Key, field.Child(idKey));
                    id = pair.Value;
                }
                else if (key == normalizedValue)
                {
                    keys.Claim(key, pair.Key, field.Child(valueKey));
                    value = pair.Value;
                    hasValue = true;
                }
                else
                {
                    unknown(pair.Key);
                }
            }

            if (id == null || ValueShape.IsBlank(id) || !hasValue)
            {
                throw converter.Invalid(field, $"Each entry of the field '{listName}' needs both '{idKey}' and '{valueKey}'.");
            }

            return (id, value);
        }
    }
}
