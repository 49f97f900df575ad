using System;
using System.Collections.Generic;
using System.Linq;
using LeadPS.Sandbox.Hosting;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>
    /// One iVvy error: <c>{"errorCode", "message", "specificCode", "additionalMessages"}</c>,
    /// answered with the HTTP status equal to the error code, as the platform does.
    /// </summary>
    internal sealed class IvvyApiError
    {
        public IvvyApiError(int errorCode, string message, int? specificCode = null, IEnumerable<string>? additionalMessages = null)
        {
            ErrorCode = errorCode;
            Message = message;
            SpecificCode = specificCode;
            AdditionalMessages = (additionalMessages ?? Enumerable.Empty<string>()).ToArray();
        }

        public int ErrorCode { get; }

        public string Message { get; }

        public int? SpecificCode { get; }

        public IReadOnlyList<string> AdditionalMessages { get; }

        public static IvvyApiError Invalid(string parameter, string reason) =>
            new IvvyApiError(400, "'" + parameter + "' does not validate", IvvySpecificCodes.ParameterInvalid, new[] { reason });

        public static IvvyApiError Missing(string parameter) =>
            new IvvyApiError(400, "'" + parameter + "' is required", IvvySpecificCodes.ParameterMissing);

        public static IvvyApiError NotFound(string message) => new IvvyApiError(404, message);

        public static IvvyApiError Unauthorized(string message, int? specificCode = null, IEnumerable<string>? additionalMessages = null) =>
            new IvvyApiError(401, message, specificCode, additionalMessages);

        public IvvyApiErrorException ToException() => new IvvyApiErrorException(this);

        public SandboxResponse ToResponse(IDictionary<string, string>? headers = null)
        {
            var body = new JObject
            {
                ["errorCode"] = ErrorCode,
                ["message"] = Message,
                ["specificCode"] = SpecificCode.HasValue ? new JValue(SpecificCode.Value) : JValue.CreateNull(),
                ["additionalMessages"] = new JArray(AdditionalMessages.Cast<object>().ToArray()),
            };
            return SandboxResponse.Json(ErrorCode, body, headers ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));
        }
    }
}
