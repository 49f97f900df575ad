using System;
using System.Collections.Generic;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// An error answer, thrown deep inside request handling and turned into a Copper error body by
    /// <see cref="CopperEmulator.Handle"/>, so validators need not thread results back by hand.
    /// Never escapes the emulator.
    /// </summary>
    internal sealed class CopperApiException : Exception
    {
        public CopperApiException(int status, string message, IDictionary<string, string>? headers = null)
            : base(message)
        {
            Status = status;
            Headers = headers;
        }

        public int Status { get; }

        public IDictionary<string, string>? Headers { get; }

        public static CopperApiException NotFound() => new CopperApiException(404, "Resource not found");

        public static CopperApiException Invalid(string field, string reason) =>
            new CopperApiException(422, CopperValidationErrors.FormatMessage(new[] { field + ": " + reason }));

        public static CopperApiException Unprocessable(string message) => new CopperApiException(422, message);
    }
}
