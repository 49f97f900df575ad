using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace LeadPS.Ivvy
{
    /// <summary>
    /// iVvy's HMAC-SHA1 request signature. Pure functions: the client signs with them and the
    /// Sandbox verifies with them, so both sides agree by construction and the test vectors
    /// from the platform's documentation pin them down.
    /// </summary>
    public static class IvvySignature
    {
        public const string ApiVersion = "1.0";
        public const string DateHeader = "IVVY-Date";
        public const string DateFormat = "yyyy-MM-dd HH:mm:ss";

        /// <summary>Lowercase hex MD5 of the exact body bytes (an empty body still has one).</summary>
        public static string ContentMd5(byte[] body)
        {
            using (var md5 = MD5.Create())
            {
                return ToHex(md5.ComputeHash(body ?? new byte[0]));
            }
        }

        /// <summary>Formats an instant the way the IVVY-Date header carries it (UTC).</summary>
        public static string FormatDate(DateTimeOffset instant) =>
            instant.UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);

        /// <summary>
        /// The string to sign: method, Content-MD5, Content-Type, Date (empty: IVVY-Date is used),
        /// request path and query, api version, and the IVVY headers as sorted name=value pairs,
        /// concatenated, then lowercased with the invariant culture.
        /// </summary>
        public static string BuildStringToSign(
            string method,
            string contentMd5,
            string contentType,
            string pathAndQuery,
            IEnumerable<KeyValuePair<string, string>> ivvyHeaders,
            string apiVersion = ApiVersion) =>
            BuildStringToSign(method, contentMd5, contentType, string.Empty, pathAndQuery, ivvyHeaders, apiVersion);

        /// <summary>
        /// The string to sign for a request dated with the standard <c>Date</c> header instead of
        /// IVVY-Date: its value fills the date step (pass an empty string when IVVY-Date is used).
        /// </summary>
        public static string BuildStringToSign(
            string method,
            string contentMd5,
            string contentType,
            string date,
            string pathAndQuery,
            IEnumerable<KeyValuePair<string, string>> ivvyHeaders,
            string apiVersion = ApiVersion)
        {
            var canonicalHeaders = ivvyHeaders
                .Where(h => h.Key.StartsWith("IVVY", StringComparison.OrdinalIgnoreCase))
                .Select(h => new KeyValuePair<string, string>(
                    h.Key.Replace("-", string.Empty).Replace("_", string.Empty).ToLowerInvariant(), h.Value))
                .OrderBy(h => h.Key, StringComparer.Ordinal)
                .Select(h => h.Key + "=" + h.Value);

            var text = string.Concat(
                method,
                contentMd5,
                contentType,
                date ?? string.Empty,
                pathAndQuery,
                apiVersion,
                string.Join("&", canonicalHeaders));
            return text.ToLowerInvariant();
        }

        /// <summary>Lowercase hex HMAC-SHA1 of the string to sign, keyed with the API secret.</summary>
        public static string Sign(string stringToSign, byte[] secretUtf8)
        {
            using (var hmac = new HMACSHA1(secretUtf8))
            {
                return ToHex(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
            }
        }

        /// <summary>The X-Api-Authorization header value: <c>IWS {apiKey}:{signature}</c>.</summary>
        public static string AuthorizationValue(string apiKey, string signature) => "IWS " + apiKey + ":" + signature;

        /// <summary>Compares two signatures in constant time.</summary>
        public static bool SignaturesEqual(string expected, string actual)
        {
            if (expected == null || actual == null || expected.Length != actual.Length)
            {
                return false;
            }

            var difference = 0;
            for (var i = 0; i < expected.Length; i++)
            {
                difference |= char.ToLowerInvariant(expected[i]) ^ char.ToLowerInvariant(actual[i]);
            }

            return difference == 0;
        }

        private static string ToHex(byte[] bytes)
        {
            var builder = new StringBuilder(bytes.Length * 2);
            foreach (var b in bytes)
            {
                builder.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }
    }
}
