using System;
using System.Collections.Generic;

namespace LeadPS.Mapping
{
    /// <summary>
    /// Refuses a field given twice, whether as <c>email</c> and <c>Email</c> or as a field and
    /// its alias (<c>phone</c> and <c>phone_numbers</c>): choosing one silently would lose the other.
    /// </summary>
    internal sealed class SlotTracker
    {
        private readonly Dictionary<string, string> _claimed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private readonly LeadValueConverter _converter;

        internal SlotTracker(LeadValueConverter converter)
        {
            _converter = converter;
        }

        internal bool IsClaimed(string slot) => _claimed.ContainsKey(slot);

        internal void Claim(string slot, string givenKey, FieldRef field)
        {
            if (_claimed.TryGetValue(slot, out var first))
            {
                throw _converter.Invalid(
                    field,
                    "The field '" + field.Name + "' is given twice ('" + first + "' and '" + givenKey + "'); give it once.");
            }

            _claimed.Add(slot, givenKey);
        }
    }
}
