using Newtonsoft.Json.Linq;

namespace LeadPS.Mapping
{
    /// <summary>Writes numbers the way a person would: 100 not 100.0, 4.5 not 4.50.</summary>
    internal static class JsonNumber
    {
        internal static JValue From(decimal number)
        {
            if (number == decimal.Truncate(number) && number >= long.MinValue && number <= long.MaxValue)
            {
                return new JValue((long)number);
            }

            // Dividing by 1.000… drops trailing zeros without changing the value.
            return new JValue(number / 1.000000000000000000000000000000000m);
        }
    }
}
