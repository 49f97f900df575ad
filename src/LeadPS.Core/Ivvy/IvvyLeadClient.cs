using System;
using System.Threading;
using System.Threading.Tasks;
using LeadPS.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeadPS.Ivvy
{
    /// <summary>iVvy's lead calls, over one connection's send path.</summary>
    internal sealed class IvvyLeadClient
    {
        public const int PageSize = 100;

        private readonly LeadApiConnection _connection;

        public IvvyLeadClient(LeadApiConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>contact?action=addOrUpdateLead: returns the lead's id (new or updated).</summary>
        public async Task<long> AddOrUpdateAsync(JObject parameters, CancellationToken cancellationToken, IProgress<RetryNotice>? retries = null)
        {
            var request = IvvyAdapter.Call("contact", "addOrUpdateLead", parameters.ToString(Formatting.None), IsIdempotent(parameters));
            var response = await _connection.SendAsync(request, cancellationToken, retries).ConfigureAwait(false);
            var json = ResponseJson.Read<JObject>(response, request, LeadPlatform.Ivvy);
            var stored = json["success"]?.Type == JTokenType.Boolean && (bool)json["success"]!;
            if (!stored || !long.TryParse(json["id"]?.ToString(), out var id))
            {
                throw new LeadApiException(
                    $"iVvy answered {request} without storing the lead (success: {json["success"] ?? "missing"}).",
                    LeadErrorKind.Invalid, LeadPlatform.Ivvy, response.StatusCode, null, JsonBody.String(json, "message"), response.Body, null, request.ToString());
            }

            return id;
        }

        /// <summary>
        /// An update by id is idempotent, unless it carries a new nested contact or company (one
        /// without an id): sent twice, that would make the contact or company twice. An add never is.
        /// </summary>
        internal static bool IsIdempotent(JObject parameters)
        {
            var isUpdate = parameters["id"] != null && parameters["id"]!.Type != JTokenType.Null;
            return isUpdate && !CreatesRecord(parameters["contact"]) && !CreatesRecord(parameters["company"]);
        }

        private static bool CreatesRecord(JToken? nested) =>
            nested is JObject record && (record["id"] == null || record["id"]!.Type == JTokenType.Null);

        /// <summary>crm?action=getLeadList, every page; <paramref name="onLead"/> returns false to stop early. Returns totalResults.</summary>
        public async Task<long> GetLeadListAsync(JObject? filter, Func<JObject, bool> onLead, CancellationToken cancellationToken, int pageSize = PageSize)
        {
            long total = 0;
            for (var start = 0L; ;)
            {
                var body = new JObject { ["perPage"] = pageSize, ["start"] = start };
                if (filter != null && filter.Count > 0)
                {
                    body["filter"] = filter;
                }

                var request = IvvyAdapter.Call("crm", "getLeadList", body.ToString(Formatting.None), isIdempotent: true);
                var response = await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var json = ResponseJson.Read<JObject>(response, request, LeadPlatform.Ivvy);
                var results = json["results"] as JArray ?? new JArray();
                total = json["meta"]?["totalResults"]?.Type == JTokenType.Integer ? (long)json["meta"]!["totalResults"]! : start + results.Count;
                foreach (var lead in results)
                {
                    if (lead is JObject obj && !onLead(obj))
                    {
                        return total;
                    }
                }

                start += results.Count;
                if (results.Count == 0 || start >= total)
                {
                    return total;
                }
            }
        }
    }
}
