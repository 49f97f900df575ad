using System;
using System.Linq;
using System.Management.Automation;
using LeadPS.Http;

namespace LeadPS.Connections
{
    /// <summary>
    /// Lets -Connection take a connection's name as well as the connection itself, one or (for a
    /// parameter that takes several) a list. Names resolve in the current runspace only.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ConnectionTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (value is string name)
            {
                return Find(name);
            }

            if (value is object[] items)
            {
                var unwrapped = items.Select(item => item is PSObject p ? p.BaseObject : item).ToArray();
                if (unwrapped.Any(item => item is string))
                {
                    return unwrapped.Select(item => item is string n ? Find(n) : item).ToArray();
                }
            }

            return inputData;
        }

        private static LeadApiConnection Find(string name) =>
            ConnectionRegistry.ForCurrentRunspace().Find(name)
            ?? throw new ArgumentTransformationMetadataException(
                $"There is no LeadPS connection named '{name}' in this runspace. Get-LeadApiConnection lists them; in ForEach-Object -Parallel or a new runspace, pass the connection itself ($using:connection) or connect there.");
    }
}
