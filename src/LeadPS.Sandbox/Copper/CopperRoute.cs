using System;
using System.Collections.Generic;
using System.Globalization;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// Maps a method and path to an endpoint. Only what follows <c>/developer_api/v1</c> counts, so
    /// any base path prefix works. Unknown paths are 404; known paths with another method are 405.
    /// </summary>
    internal sealed class CopperRoute
    {
        public const string ApiRoot = "/developer_api/v1";

        private CopperRoute(CopperEndpoint endpoint, long id)
        {
            Endpoint = endpoint;
            Id = id;
        }

        public CopperEndpoint Endpoint { get; }

        /// <summary>The record id of <c>/leads/{id}</c> and <c>/custom_field_definitions/{id}</c>.</summary>
        public long Id { get; }

        public static CopperRoute Resolve(string method, string path)
        {
            var segments = RelativeSegments(path);
            if (segments == null)
            {
                throw CopperApiException.NotFound();
            }

            var count = segments.Length;
            var first = count > 0 ? segments[0] : string.Empty;
            var second = count > 1 ? segments[1] : string.Empty;
            switch (first)
            {
                case "leads" when count == 1:
                    return Pick(method, ("POST", CopperEndpoint.CreateLead));
                case "leads" when count == 2 && second == "upsert":
                    return Pick(method, ("PUT", CopperEndpoint.UpsertLead));
                case "leads" when count == 2 && second == "search":
                    return Pick(method, ("POST", CopperEndpoint.SearchLeads));
                case "leads" when count == 2 && TryParseId(second, out var leadId):
                    return Pick(method, leadId, ("GET", CopperEndpoint.GetLead), ("PUT", CopperEndpoint.UpdateLead), ("DELETE", CopperEndpoint.DeleteLead));
                case "custom_field_definitions" when count == 1:
                    return Pick(method, ("GET", CopperEndpoint.ListCustomFieldDefinitions));
                case "custom_field_definitions" when count == 2 && TryParseId(second, out var definitionId):
                    return Pick(method, definitionId, ("GET", CopperEndpoint.GetCustomFieldDefinition));
                case "lead_statuses" when count == 1:
                    return Pick(method, ("GET", CopperEndpoint.ListLeadStatuses));
                case "customer_sources" when count == 1:
                    return Pick(method, ("GET", CopperEndpoint.ListCustomerSources));
                case "account" when count == 1:
                    return Pick(method, ("GET", CopperEndpoint.GetAccount));
                case "users" when count == 2 && second == "me":
                    return Pick(method, ("GET", CopperEndpoint.GetCurrentUser));
                default:
                    throw CopperApiException.NotFound();
            }
        }

        /// <summary>Segments after the API root, or <c>null</c> when the path is not under it.</summary>
        private static string[]? RelativeSegments(string path)
        {
            var start = 0;
            while (true)
            {
                var index = path.IndexOf(ApiRoot, start, StringComparison.Ordinal);
                if (index < 0)
                {
                    return null;
                }

                var end = index + ApiRoot.Length;
                if (end == path.Length || path[end] == '/')
                {
                    return path.Substring(end).Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
                }

                start = index + 1;
            }
        }

        private static bool TryParseId(string segment, out long id) =>
            long.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

        private static CopperRoute Pick(string method, params (string Method, CopperEndpoint Endpoint)[] allowed) => Pick(method, 0, allowed);

        private static CopperRoute Pick(string method, long id, params (string Method, CopperEndpoint Endpoint)[] allowed)
        {
            foreach (var candidate in allowed)
            {
                if (candidate.Method == method)
                {
                    return new CopperRoute(candidate.Endpoint, id);
                }
            }

            var methods = new List<string>();
            foreach (var candidate in allowed)
            {
                methods.Add(candidate.Method);
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Allow"] = string.Join(", ", methods) };
            throw new CopperApiException(405, "Method not allowed", headers);
        }
    }
}
