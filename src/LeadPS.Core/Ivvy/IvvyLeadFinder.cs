using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace LeadPS.Ivvy
{
    /// <summary>
    /// Finds the leads with a match value for one command (Invoke-LeadUpsert, Get-Lead -Id). Each value
    /// is asked of iVvy with a getLeadList filter and every lead returned is checked locally. Every
    /// lead is listed instead, at most once per command, when that cannot work (no filter key for the
    /// field; the filter ignored or refused, which the connection remembers) or would cost more
    /// requests than the listing (a command with more values than the listing has pages).
    /// </summary>
    internal sealed class IvvyLeadFinder
    {
        /// <summary>Past this many matches the conflict lists no ids, so no more are fetched.</summary>
        public const int ListedMatchLimit = 30;

        private readonly IvvyLeadService _service;
        private readonly IvvyLeadIndex _index;
        private readonly HashSet<long> _seen = new HashSet<long>();
        private int _asked;

        public IvvyLeadFinder(IvvyLeadService service, IvvyMatchField field)
        {
            _service = service ?? throw new ArgumentNullException(nameof(service));
            _index = new IvvyLeadIndex(field);
        }

        public IvvyMatchField Field => _index.MatchField;

        /// <summary>True once this command listed every lead; later values are matched from that listing.</summary>
        public bool HasListing { get; private set; }

        /// <summary>
        /// The candidates for <paramref name="matchValue"/>: the platform's leads with that value plus
        /// those this command wrote. Call from one thread at a time (the pipeline thread).
        /// </summary>
        public async Task<IvvyCandidates> FindAsync(object matchValue, CancellationToken cancellationToken)
        {
            var key = IvvyMatchField.Key(matchValue);
            if (HasListing)
            {
                return FromIndex(key, null);
            }

            var condition = IvvyLeadCondition.Equal(Field, matchValue);
            var why = condition == null
                ? $"iVvy has no filter to try for '{Field}'"
                : _service.WhyNotFiltered(new[] { condition });
            if (why == null)
            {
                if (await AskingPaysAsync(cancellationToken).ConfigureAwait(false))
                {
                    var answer = await _service.FindAsync(new[] { condition! }, ListedMatchLimit + 1, cancellationToken).ConfigureAwait(false);
                    if (answer != null)
                    {
                        _asked++;
                        return Asked(key, answer);
                    }

                    why = _service.WhyNotFiltered(new[] { condition });
                }
                else
                {
                    why = $"this command has more values than a listing of {_service.KnownLeadCount} leads has pages";
                }
            }

            var listed = 0;
            await _service.ListAsync(lead => { _index.Add(lead); listed++; return true; }, cancellationToken).ConfigureAwait(false);
            _index.Seal();
            HasListing = true;
            return FromIndex(key, $"Listed every iVvy lead ({listed}) once for this command, because {why}.");
        }

        /// <summary>Indexes a lead this command wrote, so a later input with its value finds it.</summary>
        public void Remember(JObject lead) => _index.Add(lead);

        /// <summary>
        /// Which leads a lost add's search may not claim as the one just added: leads listed or asked
        /// for before it, and, when the value was asked rather than listed, any without that value.
        /// </summary>
        public Func<JObject, bool> KnewBefore(object matchValue)
        {
            var key = IvvyMatchField.Key(matchValue);
            var listed = HasListing;
            return lead =>
            {
                var id = IdOf(lead);
                lock (_seen)
                {
                    if (_seen.Contains(id))
                    {
                        return true;
                    }
                }

                return listed ? _index.KnewBefore(id) : Field.KeyOf(lead) != key;
            };
        }

        // One value is always worth asking; more, only while they cost fewer requests than a listing's pages.
        private async Task<bool> AskingPaysAsync(CancellationToken cancellationToken)
        {
            if (_asked == 0)
            {
                return true;
            }

            var count = _service.KnownLeadCount;
            if (count < 0)
            {
                count = await _service.CountAsync(cancellationToken).ConfigureAwait(false);
            }

            var pages = (count + IvvyLeadClient.PageSize - 1) / IvvyLeadClient.PageSize;
            return _asked < pages;
        }

        private IvvyCandidates Asked(string? key, IReadOnlyList<JObject> answer)
        {
            var leads = new Dictionary<long, JObject>();
            lock (_seen)
            {
                foreach (var lead in answer)
                {
                    var id = IdOf(lead);
                    _seen.Add(id);
                    leads[id] = lead;
                }
            }

            // A lead this command wrote counts even if the platform's list does not show it yet.
            foreach (var id in _index.Find(key).Where(id => !leads.ContainsKey(id)))
            {
                leads[id] = _index.Lead(id)!;
            }

            return new IvvyCandidates(leads.Keys.OrderBy(id => id).ToList(), leads, null);
        }

        private IvvyCandidates FromIndex(string? key, string? note)
        {
            var ids = _index.Find(key);
            return new IvvyCandidates(ids, ids.ToDictionary(id => id, id => _index.Lead(id)!), note);
        }

        private static long IdOf(JObject lead) =>
            long.TryParse(lead["id"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
    }
}
