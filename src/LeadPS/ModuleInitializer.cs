using System.Management.Automation;
using LeadPS.Http;

namespace LeadPS
{
    /// <summary>Runs once when the module is imported.</summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer
    {
        public void OnImport()
        {
            // Windows PowerShell 5.1 on older .NET Framework defaults to TLS 1.0; both platforms need 1.2.
            TransportSecurity.EnableTls12();
        }
    }
}
