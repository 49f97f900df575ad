using System;
using System.Management.Automation;
using LeadPS.Http;

namespace LeadPS.Connections
{
    /// <summary>Lets -Connection take a connection's name as well as the connection itself.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ConnectionTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            var value = inputData is PSObject ps ? ps.BaseObject : inputData;
            if (value is string name)
            {
                return ConnectionRegistry.ForCurrentRunspace().Find(name)
                    ?? throw new ArgumentTransformationMetadataException($"There is no LeadPS connection named '{name}'. Get-LeadApiConnection lists them.");
            }

            return inputData;
        }
    }
}
