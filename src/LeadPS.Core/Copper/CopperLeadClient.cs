using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LeadPS.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace LeadPS.Copper
{
    /// <summary>Copper's lead endpoints, over one connection's send path.</summary>
    internal sealed class CopperLeadClient
    {
        public const int MaximumPageSize = 200;

        private readonly LeadApiConnection _connection;

        public CopperLeadClient(LeadApiConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>
        /// PUT /leads/upsert with <c>{properties, match}</c>: creates or updates the single lead that
        /// matches. <paramref name="isIdempotent"/>: whether sending it twice leaves one lead.
        /// </summary>
        public Task<JObject> UpsertAsync(string body, bool isIdempotent, CancellationToken cancellationToken, IProgress<RetryNotice>? retries = null) =>
            SendForObjectAsync(new ApiRequest(HttpMethod.Put, "leads/upsert", body, isIdempotent), cancellationToken, retries);

        public Task<JObject> CreateAsync(string properties, CancellationToken cancellationToken, IProgress<RetryNotice>? retries = null) =>
            SendForObjectAsync(new ApiRequest(HttpMethod.Post, "leads", properties), cancellationToken, retries);

        public Task<JObject> UpdateAsync(long id, string properties, CancellationToken cancellationToken, IProgress<RetryNotice>? retries = null) =>
            SendForObjectAsync(new ApiRequest(HttpMethod.Put, "leads/" + Id(id), properties, isIdempotent: true), cancellationToken, retries);

        public Task<JObject> GetAsync(long id, CancellationToken cancellationToken) =>
            SendForObjectAsync(new ApiRequest(HttpMethod.Get, "leads/" + Id(id)), cancellationToken, null);

        /// <summary>POST /leads/search, every page; <paramref name="onLead"/> returns false to stop early.</summary>
        public async Task<long> SearchAsync(JObject filter, Func<JObject, bool> onLead, CancellationToken cancellationToken, int pageSize = MaximumPageSize)
        {
            long total = 0;
            for (var page = 1; ; page++)
            {
                var body = (JObject)filter.DeepClone();
                body["page_number"] = page;
                body["page_size"] = pageSize;
                var request = new ApiRequest(HttpMethod.Post, "leads/search", Compact(body), isIdempotent: true);
                var response = await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var leads = ResponseJson.Read<JArray>(response, request, LeadPlatform.Copper);
                long.TryParse(response.Header("X-PW-TOTAL"), NumberStyles.None, CultureInfo.InvariantCulture, out total);
                foreach (var lead in leads)
                {
                    if (lead is JObject obj && !onLead(obj))
                    {
                        return total;
                    }
                }

                if (leads.Count < pageSize || (total > 0 && (long)page * pageSize >= total))
                {
                    return total;
                }
            }
        }

        public async Task<string> GetCustomFieldDefinitionsJsonAsync(CancellationToken cancellationToken)
        {
            var request = new ApiRequest(HttpMethod.Get, "custom_field_definitions");
            var response = await _connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return ResponseJson.Read<JArray>(response, request, LeadPlatform.Copper).ToString(Formatting.None);
        }

        private async Task<JObject> SendForObjectAsync(ApiRequest request, CancellationToken cancellationToken, IProgress<RetryNotice>? retries)
        {
            var response = await _connection.SendAsync(request, cancellationToken, retries).ConfigureAwait(false);
            return ResponseJson.Read<JObject>(response, request, LeadPlatform.Copper);
        }

        private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

        private static string Compact(JToken body) => body.ToString(Formatting.None);
    }
}
