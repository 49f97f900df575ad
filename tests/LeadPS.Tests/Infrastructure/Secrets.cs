using System.Management.Automation;
using System.Security;

namespace LeadPS.Tests.Infrastructure;

public static class Secrets
{
    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text)
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }

    public static PSCredential Credential(string user, string secret) => new(user, Secure(secret));
}
