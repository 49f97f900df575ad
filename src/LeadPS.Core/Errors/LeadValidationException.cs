using System;

namespace LeadPS
{
    /// <summary>
    /// LeadPS found the input invalid before sending anything: a missing required field, a value
    /// of the wrong type, conflicting parameters. <see cref="FieldName"/> names the culprit.
    /// </summary>
    public class LeadValidationException : LeadApiException
    {
        public LeadValidationException(string message, string? fieldName, LeadPlatform? platform = null, LeadErrorKind errorKind = LeadErrorKind.Invalid)
            : base(message, errorKind, platform)
        {
            FieldName = fieldName;
        }

        public string? FieldName { get; }
    }
}
