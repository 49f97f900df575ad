using System;
using System.Collections.Generic;

namespace LeadPS
{
    /// <summary>
    /// A lead as LeadPS returns it: what the platform holds, what happened to it, and the input it
    /// came from (so a runbook can match outputs to rows). Property names bind to Set-Lead.
    /// </summary>
    public abstract class Lead
    {
        protected Lead(LeadPlatform platform, long id, string? name, LeadOutcome outcome, IReadOnlyDictionary<string, object?> fields)
        {
            Platform = platform;
            Id = id;
            Name = name;
            Outcome = outcome;
            Fields = fields ?? new Dictionary<string, object?>();
        }

        public long Id { get; }

        public string? Name { get; }

        public LeadPlatform Platform { get; }

        public LeadOutcome Outcome { get; }

        /// <summary>Every field the platform returned (or, for iVvy writes, that was sent), by the platform's own names.</summary>
        public IReadOnlyDictionary<string, object?> Fields { get; }

        /// <summary>The pipeline object this lead came from; null for leads read with Get-Lead.</summary>
        public object? Input { get; set; }

        /// <summary>The name of the connection that wrote or read it.</summary>
        public string? Connection { get; set; }

        public override string ToString() => $"{Platform.DisplayName()} lead {Id} '{Name}' ({Outcome})";
    }
}
