using System;
using System.Management.Automation;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using LeadPS.Http;
using LeadPS.Loopback;
using LeadPS.Sandbox;

namespace LeadPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Serves the Copper or iVvy Sandbox on a loopback port, for any HTTP client.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Start, "LeadSandbox", SupportsShouldProcess = true,
        HelpUri = "https://github.com/leadps/LeadPS/blob/main/docs/cmdlets/Start-LeadSandbox.md")]
    [OutputType(typeof(LeadSandboxServer))]
    public sealed class StartLeadSandboxCommand : LeadCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        public LeadPlatform Platform { get; set; }

        /// <summary>The port on 127.0.0.1; 0 (the default) takes any free port.</summary>
        [Parameter]
        [ValidateRange(0, 65535)]
        public int Port { get; set; }

        /// <summary>The credential the Sandbox accepts; without it, the well-known Sandbox credential.</summary>
        [Parameter]
        [Credential]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        /// <summary>The Sandbox's knobs, as for Connect-LeadApi -Sandbox.</summary>
        [Parameter]
        [ValidateNotNull]
        public SandboxOptions? SandboxOption { get; set; }

        /// <summary>Serve until Ctrl+C, then stop (for a terminal dedicated to the Sandbox).</summary>
        [Parameter]
        public SwitchParameter Wait { get; set; }

        protected override void ProcessRecord()
        {
            var where = Port == 0 ? "a free loopback port" : $"127.0.0.1:{Port}";
            if (!ShouldProcess($"{Platform.DisplayName()} Sandbox on {where}", "Start"))
            {
                return;
            }

            var (options, credential, wellKnownSecret) = Account();
            var sandbox = new LeadSandbox(Platform, options);
            LeadSandboxServer server;
            try
            {
                server = new LeadSandboxServer(sandbox, sandbox.StartLoopback(Port), credential, wellKnownSecret);
            }
            catch (SocketException ex)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException($"The Sandbox cannot listen on {where}: {ex.Message}", ex),
                    "SandboxPortUnavailable",
                    ErrorCategory.ResourceUnavailable,
                    Port));
                return;
            }

            WriteVerbose($"The {Platform.DisplayName()} Sandbox listens at {server.BaseUri} and accepts the user '{server.UserName}'. Stop it with Stop-LeadSandbox or its Stop() method.");
            WriteObject(server);
            if (Wait)
            {
                ServeUntilStopped(server);
            }
        }

        private void ServeUntilStopped(LeadSandboxServer server)
        {
            // Shown like Write-Host output: the host prints it even with the default $InformationPreference.
            WriteInformation(new HostInformationMessage { Message = $"Serving the {Platform.DisplayName()} Sandbox at {server.BaseUri}. Press Ctrl+C to stop it." }, new[] { "PSHOST" });
            try
            {
                Await(Task.Delay(Timeout.Infinite, CancellationToken));
            }
            finally
            {
                server.Stop();
            }
        }

        /// <summary>
        /// The Sandbox's knobs and the account it accepts: the one -SandboxOption names, else
        /// -Credential, else the well-known Sandbox credential (the only one ever shown in clear).
        /// </summary>
        private (SandboxOptions Options, PSCredential Credential, string? WellKnownSecret) Account()
        {
            var options = (SandboxOption ?? new SandboxOptions()).Clone();
            var chosen = Credential != PSCredential.Empty;
            var chosenSecret = chosen ? SecretText.Reveal(Credential.Password) : null;
            string userName;
            string secret;
            bool wellKnown;
            if (Platform == LeadPlatform.Copper)
            {
                wellKnown = options.CopperUserEmail == null && !chosen;
                if (options.CopperUserEmail == null)
                {
                    options.CopperUserEmail = chosen ? Credential.UserName : SandboxCredentials.CopperUserEmail;
                    options.CopperApiToken = chosenSecret ?? SandboxCredentials.CopperApiToken;
                }

                userName = options.CopperUserEmail;

                // A Copper Sandbox without a token accepts any: the well-known one then works too.
                secret = options.CopperApiToken ?? SandboxCredentials.CopperApiToken;
            }
            else
            {
                wellKnown = options.IvvyApiKey == null && !chosen;
                if (options.IvvyApiKey == null)
                {
                    options.IvvyApiKey = chosen ? Credential.UserName : SandboxCredentials.IvvyApiKey;
                    options.IvvyApiSecret = chosenSecret ?? SandboxCredentials.IvvyApiSecret;
                }

                userName = options.IvvyApiKey;
                secret = options.IvvyApiSecret;
            }

            return (options, new PSCredential(userName, SecretText.Protect(secret)), wellKnown ? secret : null);
        }
    }
}
