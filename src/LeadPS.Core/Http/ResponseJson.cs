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

            throw Unexpected(response, request, platform, typeof(T) == typeof(JArray) ? "a JSON array" : "a JSON object");
        }

        /// <summary>The error for a success whose body is not what was expected: its answer is lost.</summary>
        public static LeadApiException Unexpected(ApiResponse response, ApiRequest request, LeadPlatform platform, string expected)
        {
            var excerpt = response.Body.Length > 200 ? response.Body.Substring(0, 200) + "…" : response.Body;
            return new LeadApiException(
                $"{platform} answered {response.StatusCode} to {request}, but the body is not {expected}: '{excerpt}'. The request may have been carried out.",
                LeadErrorKind.InvalidResponse, platform, response.StatusCode, null, null, response.Body, null, request.ToString());
        }
    }
}
