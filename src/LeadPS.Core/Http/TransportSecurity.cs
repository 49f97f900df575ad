using System;
using System.Net;

namespace LeadPS.Http
{
    /// <summary>HTTPS everywhere but loopback, and TLS 1.2 on .NET Framework.</summary>
    public static class TransportSecurity
    {
        /// <summary>Throws when <paramref name="baseUri"/> would send credentials in clear text off this machine.</summary>
        public static void EnsureSecureAddress(Uri baseUri)
        {
            if (baseUri == null)
            {
                throw new ArgumentNullException(nameof(baseUri));
            }

            if (!baseUri.IsAbsoluteUri)
            {
                throw new ArgumentException($"The base address '{baseUri}' is not absolute; give a full https:// address.", nameof(baseUri));
            }

            if (baseUri.Scheme == Uri.UriSchemeHttps || (baseUri.Scheme == Uri.UriSchemeHttp && IsLoopback(baseUri)))
            {
                return;
            }

            throw new ArgumentException(
                $"The base address '{baseUri.GetLeftPart(UriPartial.Authority)}' does not use HTTPS. LeadPS sends credentials only over HTTPS (plain HTTP is allowed for loopback addresses).",
                nameof(baseUri));
        }

        public static bool IsLoopback(Uri uri) =>
            uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

        /// <summary>
        /// Adds TLS 1.2 to the process's enabled protocols where the runtime still defaults to older
        /// ones (.NET Framework before 4.7 defaults): added, never substituted, so whatever else the
        /// session relies on keeps working. On .NET Core and later this changes nothing.
        /// </summary>
        public static void EnableTls12()
        {
            var current = ServicePointManager.SecurityProtocol;
            if (current != 0 && (current & SecurityProtocolType.Tls12) == 0)
            {
                ServicePointManager.SecurityProtocol = current | SecurityProtocolType.Tls12;
            }
        }
    }
}
