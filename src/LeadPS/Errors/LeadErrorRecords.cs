using System;
using System.Management.Automation;

namespace LeadPS.Errors
{
    /// <summary>
    /// The one place exceptions become ErrorRecords, with the ErrorIds and categories that
    /// runbooks catch on (the design's error table).
    /// </summary>
    internal static class LeadErrorRecords
    {
        public static ErrorRecord From(Exception exception, object? targetObject)
        {
            if (exception is LeadApiException lead)
            {
                var (errorId, category) = Classify(lead);
                var record = new ErrorRecord(lead, errorId, category, targetObject);
                var details = new ErrorDetails(PlatformMessage(lead));
                var action = RecommendedAction(lead);
                if (action != null)
                {
                    details.RecommendedAction = action;
                }

                record.ErrorDetails = details;
                return record;
            }

            if (exception is ArgumentException)
            {
                return new ErrorRecord(exception, "LeadInvalid", ErrorCategory.InvalidArgument, targetObject);
            }

            return new ErrorRecord(exception, "LeadApiError", ErrorCategory.NotSpecified, targetObject);
        }

        public static (string ErrorId, ErrorCategory Category) Classify(LeadApiException exception)
        {
            switch (exception.ErrorKind)
            {
                case LeadErrorKind.MatchConflict: return ("LeadMatchConflict", ErrorCategory.ResourceExists);
                case LeadErrorKind.RequestEmpty: return ("LeadRequestEmpty", ErrorCategory.InvalidArgument);
                case LeadErrorKind.NotFound: return ("LeadNotFound", ErrorCategory.ObjectNotFound);
                case LeadErrorKind.Invalid: return ("LeadInvalid", ErrorCategory.InvalidData);
                case LeadErrorKind.RequestStale: return ("RequestStale", ErrorCategory.InvalidOperation);
                case LeadErrorKind.ParameterInvalid: return ("ParameterInvalid", ErrorCategory.InvalidArgument);
                case LeadErrorKind.ParameterMissing: return ("ParameterMissing", ErrorCategory.InvalidArgument);
                case LeadErrorKind.Unauthorized: return ("LeadApiUnauthorized", ErrorCategory.AuthenticationError);
                case LeadErrorKind.Forbidden: return ("LeadApiUnauthorized", ErrorCategory.PermissionDenied);
                case LeadErrorKind.Throttled: return ("LeadApiThrottled", ErrorCategory.LimitsExceeded);
                case LeadErrorKind.Unavailable: return ("LeadApiUnavailable", ErrorCategory.ConnectionError);
                case LeadErrorKind.InvalidResponse: return ("LeadApiInvalidResponse", ErrorCategory.InvalidResult);
                default: return ("LeadApiError", ErrorCategory.NotSpecified);
            }
        }

        /// <summary>The platform's own words, with iVvy's additional messages (they say which rule failed).</summary>
        private static string PlatformMessage(LeadApiException exception)
        {
            if (string.IsNullOrEmpty(exception.ServerMessage))
            {
                return exception.Message;
            }

            return exception.AdditionalMessages.Count == 0
                ? exception.ServerMessage!
                : exception.ServerMessage + ": " + string.Join("; ", exception.AdditionalMessages);
        }

        private static string? RecommendedAction(LeadApiException exception)
        {
            switch (exception.ErrorKind)
            {
                case LeadErrorKind.MatchConflict:
                    return exception is LeadMatchConflictException conflict && conflict.MatchingLeadIds.Count > 0
                        ? "Merge the duplicate leads, or update one of them by id with Set-Lead -Id."
                        : "Match on a more specific field (e.g. email or a unique custom field).";
                case LeadErrorKind.Unauthorized:
                    return exception.Platform == LeadPlatform.Ivvy
                        ? "Check the API key and secret (Get-Credential), then run Connect-LeadApi again."
                        : "Check the user e-mail and API token (Settings > Integrations > API Keys), then run Connect-LeadApi again.";
                case LeadErrorKind.RequestStale:
                    return "Synchronise this computer's clock: iVvy refuses requests more than 5 minutes off.";
                case LeadErrorKind.Throttled:
                    return "Lower -ThrottleLimit or -RequestsPerMinute, or raise -MaximumRetryCount on Connect-LeadApi.";
                case LeadErrorKind.Unavailable:
                    return "Try again later; failed inputs can be re-run from their TargetObject.";
                default:
                    return null;
            }
        }
    }
}
