using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using LeadPS.Sandbox.Hosting;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// An in-memory Copper developer API for leads (see docs/sandbox-copper.md). Every request is
    /// checked in this order: auth headers (401), the user's rolling rate window (429), route
    /// (404/405), Content-Type and JSON body (415/400), then the endpoint's own rules (422/404).
    /// Thread-safe; never throws from <see cref="Handle"/>: every problem is a Copper error body.
    /// </summary>
    public sealed class CopperEmulator : ISandboxPlatform
    {
        /// <summary>The id the first lead gets (the upsert seed's example id); later ones count up.</summary>
        public const long FirstLeadId = 8982702;

        /// <summary>Upsert conflicts list matching ids up to this many matches, and withhold them beyond.</summary>
        public const int MaximumListedMatches = CopperLeadService.MaximumListedMatches;

        public const int DefaultPageSize = CopperLeadSearch.DefaultPageSize;
        public const int MaximumPageSize = CopperLeadSearch.MaximumPageSize;
        public const int MaximumReachableResults = CopperLeadSearch.MaximumReachableResults;

        private readonly CopperCatalogue _catalogue = new CopperCatalogue();
        private readonly CopperAuthenticator _authenticator;
        private readonly CopperRateLimiter _rateLimiter;
        private readonly CopperLeadService _leads;

        public CopperEmulator(SandboxOptions options, SandboxClock clock)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (clock == null)
            {
                throw new ArgumentNullException(nameof(clock));
            }

            _authenticator = new CopperAuthenticator(options);
            _rateLimiter = new CopperRateLimiter(options, clock);
            _leads = new CopperLeadService(_catalogue, clock, FirstLeadId);
        }

        /// <summary>Snapshot of every stored lead, by ascending id.</summary>
        public IReadOnlyList<CopperLeadRecord> Leads => _leads.Snapshot();

        public int LeadCount => _leads.Count;

        public IReadOnlyList<CopperCustomFieldDefinition> CustomFieldDefinitions => _catalogue.Definitions;

        public IReadOnlyList<CopperLeadStatus> LeadStatuses => _catalogue.LeadStatuses;

        public IReadOnlyList<CopperCustomerSource> CustomerSources => _catalogue.CustomerSources;

        /// <summary>The account's users: the valid <c>assignee_id</c> values. The first is <c>/users/me</c>.</summary>
        public IReadOnlyList<CopperUser> Users => _catalogue.Users;

        public CopperAccount Account => _catalogue.Account;

        public SandboxResponse Handle(SandboxRequest request)
        {
            if (request == null)
            {
                return CopperErrorResponses.Create(400, "No request");
            }

            try
            {
                var user = _authenticator.Authenticate(request);

                // After auth: Copper's budget is per user, and a refused credential names no user.
                if (!_rateLimiter.TryAcquire(user))
                {
                    return CopperErrorResponses.Create(429, "Rate limit exceeded");
                }

                var route = CopperRoute.Resolve(request.Method, request.Path);
                return Dispatch(route, request, user);
            }
            catch (CopperApiException e)
            {
                return CopperErrorResponses.Create(e.Status, e.Message, e.Headers);
            }
            catch (Exception e)
            {
                // A bug in the emulator must still reach the client as an answer it can report.
                return CopperErrorResponses.Create(500, "Sandbox internal error: " + e.GetType().Name + ": " + e.Message);
            }
        }

        /// <summary>Stored lead by id, or <c>null</c>.</summary>
        public CopperLeadRecord? GetLead(long id) => _leads.Snapshot(id);

        /// <summary>
        /// Adds a lead without a request (no auth, no rate budget), e.g. the duplicates an upsert
        /// conflict test needs. The e-mail gets category <c>work</c>. Returns the new id.
        /// </summary>
        /// <exception cref="ArgumentException">The name is blank or the e-mail implausible.</exception>
        public long SeedLead(string name, string? email = null)
        {
            var properties = new JObject { ["name"] = name };
            if (email != null)
            {
                properties["email"] = new JObject { ["email"] = email, ["category"] = "work" };
            }

            return Seed(properties);
        }

        /// <summary>
        /// Adds a lead from a JSON object of lead fields, validated exactly as <c>POST /leads</c>
        /// validates its body. Returns the new id.
        /// </summary>
        /// <exception cref="ArgumentException">The JSON is malformed or Copper would refuse the lead.</exception>
        public long SeedLeadFromJson(string leadJson)
        {
            try
            {
                return Seed(CopperJson.ParseObjectBody(Encoding.UTF8.GetBytes(leadJson ?? string.Empty)));
            }
            catch (CopperApiException e)
            {
                throw new ArgumentException(e.Message, nameof(leadJson));
            }
        }

        private long Seed(JObject properties)
        {
            try
            {
                return _leads.Seed(properties);
            }
            catch (CopperApiException e)
            {
                throw new ArgumentException(e.Message, nameof(properties));
            }
        }

        private SandboxResponse Dispatch(CopperRoute route, SandboxRequest request, string user)
        {
            switch (route.Endpoint)
            {
                case CopperEndpoint.CreateLead:
                    return _leads.Create(ReadObjectBody(request));
                case CopperEndpoint.GetLead:
                    return _leads.Get(route.Id);
                case CopperEndpoint.UpdateLead:
                    return _leads.Update(route.Id, ReadObjectBody(request));
                case CopperEndpoint.DeleteLead:
                    return _leads.Delete(route.Id);
                case CopperEndpoint.UpsertLead:
                    return _leads.Upsert(ReadObjectBody(request));
                case CopperEndpoint.SearchLeads:
                    return _leads.Search(ReadObjectBody(request));
                case CopperEndpoint.ListCustomFieldDefinitions:
                    return Ok(new JArray(_catalogue.Definitions.Select(definition => definition.ToJson())));
                case CopperEndpoint.GetCustomFieldDefinition:
                    return Ok((_catalogue.FindDefinition(route.Id) ?? throw CopperApiException.NotFound()).ToJson());
                case CopperEndpoint.ListLeadStatuses:
                    return Ok(new JArray(_catalogue.LeadStatuses.Select(status => status.ToJson())));
                case CopperEndpoint.ListCustomerSources:
                    return Ok(new JArray(_catalogue.CustomerSources.Select(source => source.ToJson())));
                case CopperEndpoint.GetAccount:
                    return Ok(_catalogue.Account.ToJson());
                case CopperEndpoint.GetCurrentUser:
                    return Ok(_catalogue.CurrentUser.ToJson(user));
                default:
                    throw CopperApiException.NotFound();
            }
        }

        private static SandboxResponse Ok(JToken payload) => SandboxResponse.Json(200, payload);

        /// <summary>
        /// The JSON object body. A non-empty body must be declared as JSON: Copper requires
        /// <c>Content-Type: application/json</c>, and a client sending text/plain is a real bug.
        /// </summary>
        private static JObject ReadObjectBody(SandboxRequest request)
        {
            if (request.Body.Length > 0 && !IsJsonContentType(request.Header("Content-Type")))
            {
                throw new CopperApiException(415, "Unsupported media type: Content-Type must be application/json");
            }

            return CopperJson.ParseObjectBody(request.Body);
        }

        private static bool IsJsonContentType(string? contentType)
        {
            if (contentType == null)
            {
                return false;
            }

            var mediaType = contentType.Split(';')[0].Trim();
            return string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
                || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        }
    }
}
