using System.Text;

namespace LeadPS.Mapping
{
    /// <summary>
    /// How property names are compared: case-insensitively and ignoring '_', '-' and spaces, so
    /// <c>postal_code</c>, <c>PostalCode</c> and a CSV header <c>Postal Code</c> all mean one field
    /// and a typed PowerShell parameter such as <c>-SourceId</c> meets iVvy's <c>sourceId</c>.
    /// </summary>
    internal static class PropertyKey
    {
        internal static string Normalize(string? key)
        {
            if (string.IsNullOrEmpty(key))
            {
                return string.Empty;
            }

            var builder = new StringBuilder(key!.Length);
            foreach (var c in key)
            {
                if (c != '_' && c != '-' && !char.IsWhiteSpace(c))
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
            }

            return builder.ToString();
        }

        /// <summary>True when the whole key is ASCII digits: a custom field given by its id.</summary>
        internal static bool IsDigits(string key)
        {
            var trimmed = key.Trim();
            if (trimmed.Length == 0)
            {
                return false;
            }

            foreach (var c in trimmed)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
