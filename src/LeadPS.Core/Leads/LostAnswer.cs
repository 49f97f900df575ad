using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using LeadPS.Http;

namespace LeadPS.Leads
{
    /// <summary>
    /// Failures after which a request may have been carried out although no usable answer came:
    /// a dropped connection, a timeout, a server error, or a success whose body could not be read.
    /// Resending an add after one of these could create the lead twice.
    /// </summary>
    internal static class LostAnswer
    {
        public static bool Is(LeadApiException exception) =>
            exception.ErrorKind == LeadErrorKind.InvalidResponse
            || (exception.ErrorKind == LeadErrorKind.Unavailable && (exception.StatusCode == null || exception.StatusCode >= 500));

        /// <summary>
        /// Sends an add, which is not idempotent. When its answer is lost, looks for the lead first:
        /// none means it was not added, so it is sent again (within the retry budget); a candidate
        /// the caller recognises as its own is the answer; any other is reported, never added twice.
        /// </summary>
        public static async Task<T> SendAddAsync<T>(
            LeadPlatform platform,
            string lead,
            string request,
            int maximumRetryCount,
            Func<Task<T>> send,
            Func<Task<IReadOnlyList<long>>> findSame,
            IProgress<RetryNotice>? retries,
            Func<IReadOnlyList<long>, long?>? recogniseOwn = null,
            Func<long, T>? fromId = null)
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return await send().ConfigureAwait(false);
                }
                catch (LeadApiException lost) when (Is(lost))
                {
                    var candidates = await findSame().ConfigureAwait(false);
                    var own = recogniseOwn?.Invoke(candidates);
                    if (own.HasValue && fromId != null)
                    {
                        return fromId(own.Value);
                    }

                    if (candidates.Count > 0)
                    {
                        throw Ambiguous(platform, lost, lead, candidates);
                    }

                    if (attempt >= maximumRetryCount)
                    {
                        throw;
                    }

                    retries?.Report(new RetryNotice(request, attempt + 1, maximumRetryCount, TimeSpan.Zero, lost.Message + " No such lead exists, so it is sent again", false));
                }
            }
        }

        public static LeadApiException Ambiguous(LeadPlatform platform, LeadApiException lost, string lead, IReadOnlyList<long> candidates) =>
            new LeadApiUnavailableException(
                $"{lost.Message} The answer to adding {lead} was lost, and {platform} now has {candidates.Count} matching lead(s) ({string.Join(", ", candidates)}) that this request may have created. It was not sent again, to avoid a duplicate: check those leads, then re-run this input with Set-Lead -Id or Invoke-LeadUpsert.",
                platform, lost.StatusCode, lost.ServerMessage, lost.ResponseBody, lost.Request, lost);
    }
}
