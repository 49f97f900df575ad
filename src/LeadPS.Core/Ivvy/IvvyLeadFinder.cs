using System;
using System.Collections.Generic;
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
    /// A listing is not kept for the next command: iVvy lists no deleted leads, so a refresh by
    /// modifiedDate could not drop a lead deleted in the meantime, and a stale index would update it
    /// (24216) or hide a new duplicate. What is kept per connection is what was learnt about filters.
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
                    why = $"asking for each value would cost more requests than listing the account's {_service.KnownLeadCount} lead(s)";
                }
            }

            var listed = 0;
            await _service.ListAsync(lead => { _index.Add(lead); listed++; return true; }, cancellationToken).ConfigureAwait(false);
            _index.Seal();
            HasListing = true;
            return FromIndex(key, $"Listed every iVvy lead ({listed}), once for this command, because {why}.");
        }

        /// <summary>Indexes a lead this command wrote, so a later input with its value finds it.</summary>
        public void Remember(JObject lead) => _index.Add(lead);

        /// <summary>
        /// Before an add of a lead named <paramref name="name"/>: which lead ids existed before it, so that
        /// a lost answer's search (leads with that name and contact) can tell the new lead from older
        /// ones. Known from the listing, or from this command's answers when the match field is the
        /// name; otherwise the leads with that name are asked for first (one request). Null when that
        /// cannot be known (the name filter is not honoured): a lost add is then reported, never resent.
        /// </summary>
        public async Task<Func<long, bool>?> KnewBeforeAddAsync(string? name, CancellationToken cancellationToken)
        {
            if (!HasListing && Field.FilterKey != IvvyMatchField.Name.FilterKey && !string.IsNullOrWhiteSpace(name))
            {
                var sameName = await _service.FindAsync(new[] { IvvyLeadCondition.Equal(IvvyMatchField.Name, name!)! }, int.MaxValue, cancellationToken).ConfigureAwait(false);
                if (sameName == null)
                {
                    return null;
                }

                See(sameName);
            }

            return id =>
            {
                lock (_seen)
                {
                    return _seen.Contains(id) || _index.KnewBefore(id);
                }
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
            See(answer);
            var leads = new Dictionary<long, JObject>();
            foreach (var lead in answer)
            {
                leads[IvvyLeadService.IdOf(lead)] = lead;
            }

            // A lead this command wrote counts even if the platform's list does not show it yet.
            foreach (var id in _index.Find(key).Where(id => !leads.ContainsKey(id)))
            {
                leads[id] = _index.Lead(id)!;
            }

            return new IvvyCandidates(leads.Keys.OrderBy(id => id).ToList(), leads, null);
        }

        private void See(IEnumerable<JObject> leads)
        {
            lock (_seen)
            {
                _seen.UnionWith(leads.Select(IvvyLeadService.IdOf));
            }
        }

        private IvvyCandidates FromIndex(string? key, string? note)
        {
            var ids = _index.Find(key);
            return new IvvyCandidates(ids, ids.ToDictionary(id => id, id => _index.Lead(id)!), note);
        }
    }
}
