using System.Collections.Generic;
using System.Linq;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>A lead stage and the reasons a lead may be given while in it.</summary>
    internal sealed class IvvyLeadStage
    {
        public IvvyLeadStage(long id, string name, params IvvyNamedItem[] reasons)
        {
            Id = id;
            Name = name;
            Reasons = reasons;
        }

        public long Id { get; }

        public string Name { get; }

        public IReadOnlyList<IvvyNamedItem> Reasons { get; }

        public bool HasReason(long reasonId) => Reasons.Any(r => r.Id == reasonId);
    }
}
