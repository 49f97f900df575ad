using System.Net;
using System.Security;

namespace LeadPS.Http
{
    /// <summary>The one place a secret is turned into text, at the moment a request needs it.</summary>
    internal static class SecretText
    {
        public static string Reveal(SecureString secret) => new NetworkCredential(string.Empty, secret).Password;
    }
}
