using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadPS
{
    /// <summary>
    /// LeadPS found the input invalid before sending anything: a missing required field, a value
    /// of the wrong type, conflicting parameters. <see cref="FieldErrors"/> lists every invalid
    /// field of the input at once; <see cref="FieldName"/> names the first.
    /// </summary>
    public class LeadValidationException : LeadApiException
    {
        public LeadValidationException(
            string message,
            string? fieldName,
            LeadPlatform? platform = null,
            LeadErrorKind errorKind = LeadErrorKind.Invalid,
            IReadOnlyList<LeadFieldError>? fieldErrors = null)
            : base(message, errorKind, platform)
        {
            FieldName = fieldName;
            FieldErrors = fieldErrors ?? (fieldName == null ? Array.Empty<LeadFieldError>() : new[] { new LeadFieldError(fieldName, message) });
        }

        /// <summary>The first invalid field (all of them are in <see cref="FieldErrors"/>).</summary>
        public string? FieldName { get; }

        /// <summary>Every invalid field of the input, each with its own message.</summary>
        public IReadOnlyList<LeadFieldError> FieldErrors { get; }

        /// <summary>The names of the invalid fields, in input order.</summary>
        public IReadOnlyList<string> InvalidFields =>
            FieldErrors.Where(e => e.FieldName != null).Select(e => e.FieldName!).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        /// <summary>One error for all the problems found in one input; a single problem stays as it is.</summary>
        internal static LeadValidationException Combine(IReadOnlyList<LeadValidationException> errors, LeadPlatform? platform)
        {
            if (errors.Count == 1)
            {
                return errors[0];
            }

            var fieldErrors = errors
                .SelectMany(e => e.FieldErrors.Count > 0 ? e.FieldErrors : new[] { new LeadFieldError(null, e.Message) })
                .ToList();
            var names = fieldErrors.Where(e => e.FieldName != null).Select(e => "'" + e.FieldName + "'").Distinct().ToList();
            var message = "The lead has " + fieldErrors.Count + " problems"
                + (names.Count == 0 ? string.Empty : " (" + string.Join(", ", names) + ")") + ":"
                + string.Concat(fieldErrors.Select(e => Environment.NewLine + "- " + e.Message));
            return new LeadValidationException(message, fieldErrors.Select(e => e.FieldName).FirstOrDefault(n => n != null), platform, LeadErrorKind.Invalid, fieldErrors);
        }
    }
}
