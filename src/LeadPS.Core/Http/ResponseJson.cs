using Newtonsoft.Json.Linq;

namespace LeadPS.Http
{
    /// <summary>Reads a success body as JSON; a body that is not what the platform promises is a typed error.</summary>
    internal static class ResponseJson
    {
        public static T Read<T>(ApiResponse response, ApiRequest request, LeadPlatform platform)
            where T : JToken
        {
            if (JsonBody.TryParse(response.Body) is T json)
            {
                return json;
            }

            var expected = typeof(T) == typeof(JArray) ? "a JSON array" : "a JSON object";
            var excerpt = response.Body.Length > 200 ? response.Body.Substring(0, 200) + "…" : response.Body;
            throw new LeadApiException(
                $"{platform} answered {response.StatusCode} to {request}, but the body is not {expected}: '{excerpt}'. The request may have been carried out.",
                LeadErrorKind.InvalidResponse, platform, response.StatusCode, null, null, response.Body, null, request.ToString());
        }
    }
}
