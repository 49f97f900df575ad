using System.Collections.Generic;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// Collects every problem of one request body, so a caller fixing input sees them all at once,
    /// in Copper's <c>Invalid input: Validation errors: field: reason</c> form.
    /// </summary>
    internal sealed class CopperValidationErrors
    {
        private readonly List<string> _errors = new List<string>();

        public bool Any => _errors.Count > 0;

        public void Add(string field, string reason) => _errors.Add(field + ": " + reason);

        public void ThrowIfAny()
        {
            if (_errors.Count > 0)
            {
                throw CopperApiException.Unprocessable(FormatMessage(_errors));
            }
        }

        public static string FormatMessage(IEnumerable<string> errors) =>
            "Invalid input: Validation errors: " + string.Join("; ", errors);
    }
}
