using System.Collections.Generic;
using System.Linq;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>A lead type; when it has sub types, a lead of this type must name one of them.</summary>
    internal sealed class IvvyLeadType
    {
        public IvvyLeadType(long id, string name, params IvvyNamedItem[] subtypes)
        {
            Id = id;
            Name = name;
            Subtypes = subtypes;
        }

        public long Id { get; }

        public string Name { get; }

        public IReadOnlyList<IvvyNamedItem> Subtypes { get; }

        public bool HasSubtypes => Subtypes.Count > 0;

        public bool HasSubtype(long subtypeId) => Subtypes.Any(s => s.Id == subtypeId);
    }
}
