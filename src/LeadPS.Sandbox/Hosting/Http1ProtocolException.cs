using System;

namespace LeadPS.Sandbox.Hosting
{
    /// <summary>
    /// A request the loopback server refuses before it reaches the Sandbox: the status to answer
    /// (400, 413, 417, 431, 501 or 505) and why. The connection is closed after the answer.
    /// </summary>
    internal sealed class Http1ProtocolException : Exception
    {
        public Http1ProtocolException(int statusCode, string message)
            : base(message)
        {
            StatusCode = statusCode;
        }

        public int StatusCode { get; }
    }
}
