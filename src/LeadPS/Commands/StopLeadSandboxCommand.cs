using System.Management.Automation;
using LeadPS.Loopback;

namespace LeadPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Stops a Sandbox that Start-LeadSandbox serves on a loopback port.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "LeadSandbox", SupportsShouldProcess = true,
        HelpUri = "https://github.com/leadps/LeadPS/blob/main/docs/cmdlets/Stop-LeadSandbox.md")]
    [OutputType(typeof(void))]
    public sealed class StopLeadSandboxCommand : LeadCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        public LeadSandboxServer[] InputObject { get; set; } = new LeadSandboxServer[0];

        protected override void ProcessRecord()
        {
            foreach (var server in InputObject)
            {
                if (!server.IsRunning)
                {
                    WriteVerbose($"The {server.Platform.DisplayName()} Sandbox at {server.BaseUri} was already stopped.");
                    continue;
                }

                if (ShouldProcess($"{server.Platform.DisplayName()} Sandbox at {server.BaseUri}", "Stop"))
                {
                    server.Stop();
                    WriteVerbose($"Stopped the {server.Platform.DisplayName()} Sandbox at {server.BaseUri}; it received {UserText.Count(server.Sandbox.Requests.TotalCount, "request")}.");
                }
            }
        }
    }
}
