namespace LeadPS.Http
{
    /// <summary>Reason phrases for the statuses the platforms use, including iVvy's 46x codes.</summary>
    internal static class StatusText
    {
        public static string Describe(int status)
        {
            switch (status)
            {
                case 400: return "400 Bad Request";
                case 401: return "401 Unauthorized";
                case 403: return "403 Forbidden";
                case 404: return "404 Not Found";
                case 405: return "405 Method Not Allowed";
                case 406: return "406 Not Acceptable";
                case 422: return "422 Unprocessable Entity";
                case 429: return "429 Too Many Requests";
                case 460: return "460 Unknown";
                case 461: return "461 Failed Request";
                case 462: return "462 Session Expired";
                case 463: return "463 Key Revoked";
                case 500: return "500 Internal Server Error";
                case 501: return "501 Not Implemented";
                case 502: return "502 Bad Gateway";
                case 503: return "503 Service Unavailable";
                case 504: return "504 Gateway Timeout";
                default: return status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }
}
