using System.Management.Automation;
using LeadPS.Completion;
using LeadPS.Connections;
using LeadPS.Http;

namespace LeadPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Closes LeadPS connections and forgets their credentials.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "LeadApi", SupportsShouldProcess = true, DefaultParameterSetName = DefaultSet, HelpUri = "https://github.com/leadps/LeadPS/blob/main/docs/cmdlets/Disconnect-LeadApi.md")]
    [OutputType(typeof(void))]
    public sealed class DisconnectLeadApiCommand : LeadCmdlet
    {
        private const string DefaultSet = "Default";
        private const string NameSet = "Name";
        private const string ConnectionSet = "Connection";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = NameSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string[] Name { get; set; } = new string[0];

        [Parameter(Mandatory = true, ParameterSetName = ConnectionSet, ValueFromPipeline = true)]
        [ValidateNotNull]
        [ConnectionTransformation]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public LeadApiConnection[] Connection { get; set; } = new LeadApiConnection[0];

        protected override void ProcessRecord()
        {
            var registry = Connections;
            switch (ParameterSetName)
            {
                case ConnectionSet:
                    foreach (var connection in Connection)
                    {
                        Disconnect(connection);
                    }

                    break;
                case NameSet:
                    foreach (var name in Name)
                    {
                        foreach (var connection in ConnectionsNamed(name))
                        {
                            Disconnect(connection);
                        }
                    }

                    break;
                default:
                    var current = registry.Default;
                    if (current == null)
                    {
                        WriteVerbose("There is no default LeadPS connection to close.");
                        return;
                    }

                    Disconnect(current);
                    break;
            }
        }

        private void Disconnect(LeadApiConnection connection)
        {
            if (!ShouldProcess($"{connection.Name} ({connection.Platform.DisplayName()}, {connection.UserName})", "Disconnect"))
            {
                return;
            }

            if (Connections.Remove(connection))
            {
                var next = Connections.Default;
                WriteVerbose($"Closed '{connection.Name}'." + (next == null ? " No connection remains." : $" The default connection is now '{next.Name}'."));
            }
            else
            {
                WriteVerbose($"'{connection.Name}' was not open in this session.");
            }
        }
    }
}
