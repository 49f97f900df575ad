using System.Linq;
using System.Management.Automation;
using LeadPS.Completion;
using LeadPS.Http;

namespace LeadPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists the LeadPS connections of this session.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "LeadApiConnection", HelpUri = "https://github.com/leadps/LeadPS/blob/main/docs/cmdlets/Get-LeadApiConnection.md")]
    [OutputType(typeof(LeadApiConnection))]
    public sealed class GetLeadApiConnectionCommand : LeadCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Only the default connection, the one commands use without -Connection.</summary>
        [Parameter]
        public SwitchParameter Default { get; set; }

        protected override void ProcessRecord()
        {
            var registry = Connections;
            if (Default)
            {
                var current = registry.Default;
                if (current != null && (Name == null || Name.Any(n => WildcardPattern.Get(n, WildcardOptions.IgnoreCase).IsMatch(current.Name))))
                {
                    WriteConnection(current, true);
                }

                return;
            }

            if (Name == null)
            {
                foreach (var connection in registry.All())
                {
                    WriteConnection(connection, registry.IsDefault(connection));
                }

                return;
            }

            foreach (var name in Name)
            {
                foreach (var connection in ConnectionsNamed(name))
                {
                    WriteConnection(connection, registry.IsDefault(connection));
                }
            }
        }

        private void WriteConnection(LeadApiConnection connection, bool isDefault)
        {
            var output = PSObject.AsPSObject(connection);
            output.Properties.Remove("IsDefault");
            output.Properties.Add(new PSNoteProperty("IsDefault", isDefault));
            WriteObject(output);
        }
    }
}
