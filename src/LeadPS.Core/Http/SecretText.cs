using System.Net;
using System.Security;

namespace LeadPS.Http
{
    /// <summary>The one place a secret is turned into text, at the moment a request needs it.</summary>
    internal static class SecretText
    {
        public static string Reveal(SecureString secret) => new NetworkCredential(string.Empty, secret).Password;

        /// <summary>A read-only SecureString holding <paramref name="text"/> (a generated or Sandbox-only secret).</summary>
        public static SecureString Protect(string text)
        {
            var secure = new SecureString();
            foreach (var c in text)
            {
                secure.AppendChar(c);
            }

            secure.MakeReadOnly();
            return secure;
        }
    }
}
