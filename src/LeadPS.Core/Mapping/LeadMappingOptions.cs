using System;
using System.Globalization;

namespace LeadPS.Mapping
{
    /// <summary>How input values are read: the culture of numbers and dates given as text, and what a blank value means.</summary>
    public sealed class LeadMappingOptions
    {
        public static readonly LeadMappingOptions Default = new LeadMappingOptions(null, LeadEmptyValue.Skip);

        /// <param name="culture">The culture of numbers and dates given as text; null for the invariant culture (ISO dates, '.' decimals, no group separators).</param>
        /// <param name="emptyValue">What an empty or blank text value (an empty CSV cell) means.</param>
        public LeadMappingOptions(CultureInfo? culture, LeadEmptyValue emptyValue)
        {
            Culture = culture ?? CultureInfo.InvariantCulture;
            EmptyValue = Enum.IsDefined(typeof(LeadEmptyValue), emptyValue) ? emptyValue : throw new ArgumentOutOfRangeException(nameof(emptyValue));
        }

        public CultureInfo Culture { get; }

        public LeadEmptyValue EmptyValue { get; }
    }
}
