using System;
using System.Collections.Generic;

namespace LeadPS.Sandbox.Hosting
{
    /// <summary>A request the Sandbox received, for assertions. Authentication header values are masked.</summary>
    public sealed class SandboxRequestRecord
    {
        internal SandboxRequestRecord(long sequence, DateTimeOffset receivedAt, SandboxRequest request, int? statusCode, SandboxFault fault, bool reachedPlatform, IReadOnlyDictionary<string, string> headers)
        {
            Sequence = sequence;
            ReceivedAt = receivedAt;
            Method = request.Method;
            PathAndQuery = request.PathAndQuery;
            Body = request.BodyText;
            StatusCode = statusCode;
            Fault = fault;
            ReachedPlatform = reachedPlatform;
            Headers = headers;
        }

        public long Sequence { get; }

        public DateTimeOffset ReceivedAt { get; }

        public string Method { get; }

        public string PathAndQuery { get; }

        public string Body { get; }

        /// <summary>The status answered; null when the fault was a dropped connection or a timeout.</summary>
        public int? StatusCode { get; }

        /// <summary>The fault injected into this exchange, if any.</summary>
        public SandboxFault Fault { get; }

        /// <summary>True when the platform emulator processed the request (its effect is in the store).</summary>
        public bool ReachedPlatform { get; }

        public IReadOnlyDictionary<string, string> Headers { get; }

        public override string ToString() => $"{Sequence} {Method} {PathAndQuery} -> {(StatusCode?.ToString() ?? Fault.ToString())}";
    }
}
