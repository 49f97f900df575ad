using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LeadPS.Sandbox.Hosting;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// The lead endpoints over the store. Bodies are parsed and validated before the lock is taken;
    /// the lock covers only store reads and writes (and rendering, which reads the store), so an
    /// upsert's match-then-write is atomic as Copper promises.
    /// </summary>
    internal sealed class CopperLeadService
    {
        public const int MaximumListedMatches = 30;
        public const string TotalHeader = "X-PW-TOTAL";

        private readonly object _gate = new object();
        private readonly CopperLeadStore _store;
        private readonly CopperCatalogue _catalogue;
        private readonly CopperLeadValidator _validator;
        private readonly CopperLeadRenderer _renderer;
        private readonly SandboxClock _clock;

        public CopperLeadService(CopperCatalogue catalogue, SandboxClock clock, long firstLeadId)
        {
            _catalogue = catalogue;
            _clock = clock;
            _store = new CopperLeadStore(firstLeadId);
            _validator = new CopperLeadValidator(catalogue);
            _renderer = new CopperLeadRenderer(catalogue);
        }

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _store.Count;
                }
            }
        }

        public SandboxResponse Create(JObject body)
        {
            var changes = _validator.Validate(body, creating: true);
            lock (_gate)
            {
                return SandboxResponse.Json(200, _renderer.Render(AddLocked(changes)));
            }
        }

        public SandboxResponse Get(long id)
        {
            lock (_gate)
            {
                return SandboxResponse.Json(200, _renderer.Render(FindOrThrow(id)));
            }
        }

        public SandboxResponse Update(long id, JObject body)
        {
            var changes = _validator.Validate(body, creating: false);
            lock (_gate)
            {
                var lead = FindOrThrow(id);
                _store.Update(lead, changes, Now());
                return SandboxResponse.Json(200, _renderer.Render(lead));
            }
        }

        public SandboxResponse Delete(long id)
        {
            lock (_gate)
            {
                if (!_store.Remove(id))
                {
                    throw CopperApiException.NotFound();
                }
            }

            return SandboxResponse.Json(200, new JObject { ["id"] = id, ["is_deleted"] = true });
        }

        public SandboxResponse Upsert(JObject body)
        {
            var unknown = body.Properties().FirstOrDefault(p => p.Name != "properties" && p.Name != "match");
            if (unknown != null)
            {
                throw CopperApiException.Invalid(unknown.Name, "is not an upsert field (expected properties, match)");
            }

            if (!(body["properties"] is JObject properties))
            {
                throw CopperApiException.Invalid("properties", CopperJson.IsNull(body["properties"]) ? "is required" : "must be an object of lead fields");
            }

            var match = CopperUpsertMatch.Parse(body["match"], _catalogue);
            var changes = _validator.Validate(properties, creating: false);
            lock (_gate)
            {
                var matches = match.FindMatches(_store);
                switch (matches.Count)
                {
                    case 0:
                        if (!changes.SetsName)
                        {
                            throw CopperApiException.Invalid("name", "can't be blank");
                        }

                        return SandboxResponse.Json(200, _renderer.Render(AddLocked(changes)));
                    case 1:
                        var lead = _store.Find(matches[0])!;
                        _store.Update(lead, changes, Now());
                        return SandboxResponse.Json(200, _renderer.Render(lead));
                    case var count when count <= MaximumListedMatches:
                        throw CopperApiException.Unprocessable("Multiple leads match the criteria: " + string.Join(", ", matches));
                    default:
                        throw CopperApiException.Unprocessable("More than " + MaximumListedMatches + " leads match the criteria");
                }
            }
        }

        public SandboxResponse Search(JObject body)
        {
            var search = CopperLeadSearch.Parse(body, _catalogue, Now());
            var page = new JArray();
            int total;
            lock (_gate)
            {
                foreach (var lead in search.Execute(_store.All, out total))
                {
                    page.Add(_renderer.Render(lead));
                }
            }

            var headers = new Dictionary<string, string> { [TotalHeader] = total.ToString(CultureInfo.InvariantCulture) };
            return SandboxResponse.Json(200, page, headers);
        }

        /// <summary>Creates a lead from validated changes (the seeding path for tests and runbooks).</summary>
        public long Seed(JObject properties)
        {
            var changes = _validator.Validate(properties, creating: true);
            lock (_gate)
            {
                return AddLocked(changes).Id;
            }
        }

        public CopperLeadRecord? Snapshot(long id)
        {
            lock (_gate)
            {
                var lead = _store.Find(id);
                return lead == null ? null : ToRecord(lead);
            }
        }

        public IReadOnlyList<CopperLeadRecord> Snapshot()
        {
            lock (_gate)
            {
                return _store.All.OrderBy(lead => lead.Id).Select(ToRecord).ToArray();
            }
        }

        private CopperLead AddLocked(CopperLeadChanges changes) => _store.Add(changes, Now(), _catalogue.DefaultStatus.Id);

        private CopperLead FindOrThrow(long id) => _store.Find(id) ?? throw CopperApiException.NotFound();

        private long Now() => _clock.RecordTime.ToUnixTimeSeconds();

        private CopperLeadRecord ToRecord(CopperLead lead) => new CopperLeadRecord(
            lead.Id,
            lead.Name,
            lead.EmailAddress,
            lead.StatusId,
            lead.DateCreated,
            lead.DateModified,
            _renderer.Render(lead).ToString(Formatting.None));
    }
}
