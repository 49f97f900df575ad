using System;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace LeadPS.Input
{
    /// <summary>
    /// Refuses a culture name the system does not know. .NET on ICU makes up a culture for any
    /// well-formed name ("foo-bar") with no separators or date patterns of its own, which would
    /// silently read nothing the way the user meant.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class KnownCultureAttribute : ValidateArgumentsAttribute
    {
        private static readonly Lazy<ILookup<string, CultureInfo>> Known =
            new Lazy<ILookup<string, CultureInfo>>(() => CultureInfo.GetCultures(CultureTypes.AllCultures).ToLookup(c => c.Name, StringComparer.OrdinalIgnoreCase));

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var culture = (arguments is PSObject ps ? ps.BaseObject : arguments) as CultureInfo;
            if (culture != null && !Known.Value.Contains(culture.Name))
            {
                throw new ValidationMetadataException($"'{culture.Name}' is not a culture this system knows. Give a culture name such as en-US, en-GB or de-DE ([cultureinfo]::GetCultures('AllCultures') lists them).");
            }
        }
    }
}
