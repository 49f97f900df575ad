using System.Threading.Tasks;

namespace LeadPS.Pipeline
{
    /// <summary>One input whose request is in flight.</summary>
    internal sealed class PendingLead
    {
        public PendingLead(object? input, Task<Lead> work, string? exclusiveKey)
        {
            Input = input;
            Work = work;
            ExclusiveKey = exclusiveKey;
        }

        public object? Input { get; }

        public Task<Lead> Work { get; }

        /// <summary>Inputs with the same key never run at once: the same match value, or the same lead id.</summary>
        public string? ExclusiveKey { get; }
    }
}
