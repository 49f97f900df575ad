using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace LeadPS.Ivvy
{
    /// <summary>The leads that have a match value, and, for -Verbose, why every lead was listed to find them.</summary>
    internal sealed class IvvyCandidates
    {
        private readonly IReadOnlyDictionary<long, JObject> _leads;

        public IvvyCandidates(IReadOnlyList<long> ids, IReadOnlyDictionary<long, JObject> leads, string? listingNote)
        {
            Ids = ids;
            _leads = leads;
            ListingNote = listingNote;
        }

        public IReadOnlyList<long> Ids { get; }

        public string? ListingNote { get; }

        public JObject? Lead(long id) => _leads.TryGetValue(id, out var lead) ? lead : null;
    }
}
