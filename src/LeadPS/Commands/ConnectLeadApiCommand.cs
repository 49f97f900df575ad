using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using LeadPS.Http;
using LeadPS.Ivvy;
using LeadPS.Pacing;
using LeadPS.Sandbox;

namespace LeadPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Connects to a Copper or iVvy account and verifies the credential.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "LeadApi", DefaultParameterSetName = CredentialSet, HelpUri = "https://github.com/leadps/LeadPS/blob/main/docs/cmdlets/Connect-LeadApi.md")]
    [OutputType(typeof(LeadApiConnection))]
    public sealed class ConnectLeadApiCommand : LeadCmdlet
    {
        private const string CredentialSet = "Credential";
        private const string SecretSet = "Secret";
        private const string SandboxSet = "Sandbox";

        [Parameter(Mandatory = true, Position = 0)]
        public LeadPlatform Platform { get; set; }

        /// <summary>Copper: user name = the token owner's e-mail, password = API token. iVvy: user name = API key, password = API secret.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = SandboxSet)]
        [Credential]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        /// <summary>Copper: the token owner's e-mail. iVvy: the API key.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SecretSet)]
        [ValidateNotNullOrEmpty]
        public string UserName { get; set; } = string.Empty;

        /// <summary>Copper: the API token. iVvy: the API secret.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SecretSet)]
        public SecureString Secret { get; set; } = new SecureString();

        /// <summary>Serve the platform from the embedded emulator: no network, no real account.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SandboxSet)]
        public SwitchParameter Sandbox { get; set; }

        /// <summary>The Sandbox's knobs: a hashtable of SandboxOptions properties (Latency, RequestsPerMinute, TimeScale, FaultRate, Faults, ClockOffset, ...).</summary>
        [Parameter(ParameterSetName = SandboxSet)]
        [ValidateNotNull]
        public SandboxOptions? SandboxOption { get; set; }

        // Network settings: meaningless for the Sandbox, so not in its parameter set.
        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = SecretSet)]
        public IvvyRegion? Region { get; set; }

        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = SecretSet)]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        [ValidateRange(0, 100000)]
        public int? RequestsPerMinute { get; set; }

        /// <summary>The rolling window -RequestsPerMinute is counted over, in seconds (Copper: 60).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int RateWindowSec { get; set; } = 60;

        [Parameter]
        [ValidateRange(0, 20)]
        public int MaximumRetryCount { get; set; } = LeadApiConnectionOptions.DefaultMaximumRetryCount;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 100;

        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = SecretSet)]
        [ValidateNotNull]
        public Uri? Proxy { get; set; }

        [Parameter(ParameterSetName = CredentialSet)]
        [Parameter(ParameterSetName = SecretSet)]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var connection = CreateConnection();
            WriteVerbose($"Verifying the {Platform.DisplayName()} credential of '{connection.UserName}' at {connection.Endpoint}.");
            try
            {
                Await(connection.VerifyCredentialAsync(CancellationToken));
            }
            catch (LeadApiException ex)
            {
                connection.Dispose();
                ThrowLeadError(ex, connection.Name);
            }
            catch (PipelineStoppedException)
            {
                connection.Dispose();
                throw;
            }

            PrefetchCopperSchema(connection);
            Connections.Add(connection);
            var account = connection.AccountName == null ? string.Empty : $" (account '{connection.AccountName}')";
            WriteVerbose($"Connected '{connection.Name}' to {Platform.DisplayName()}{account} as '{connection.UserName}' at {connection.Endpoint}; {Pace(connection)}. It is now the default connection.");
            if (PassThru)
            {
                WriteObject(connection);
            }
        }

        /// <summary>
        /// Reads Copper's custom field definitions now, so custom fields map by name and -WhatIf can
        /// check them without a request later. A failure here is not fatal: they are read on first use.
        /// </summary>
        private void PrefetchCopperSchema(LeadApiConnection connection)
        {
            if (connection.Platform != LeadPlatform.Copper)
            {
                return;
            }

            try
            {
                var schema = Await(connection.CopperLeads.SchemaAsync(CancellationToken));
                WriteVerbose($"Read {schema.Definitions.Count} custom field definitions.");
            }
            catch (LeadApiException ex)
            {
                WriteWarning($"Could not read Copper's custom field definitions yet ({ex.Message}); they are read again on first use.");
            }
        }

        private static string Pace(LeadApiConnection connection)
        {
            var window = connection.RateWindow.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
            var shared = connection.IsSandbox ? "this Sandbox's own budget (on its clock)"
                : connection.SharesPacingAcrossProcesses ? "a budget shared by every LeadPS session of this user on this machine"
                : "a budget shared by every connection in this process to the same account";
            var pace = connection.RequestsPerMinute > 0
                ? $"paced to {UserText.Count(connection.RequestsPerMinute, "request")} per {window} s, {shared}"
                : "not paced until the platform answers 429";
            return $"{pace}; 429s pause the account and are retried for {connection.ThrottledRetryTime.TotalSeconds:0} s, other failures up to {UserText.Count(connection.MaximumRetryCount, "time")}";
        }

        private LeadApiConnection CreateConnection()
        {
            try
            {
                return new LeadApiConnection(BuildOptions());
            }
            catch (ArgumentException ex)
            {
                ThrowArgumentError(WithoutParameterName(ex), ex.ParamName == "baseUri" ? "BaseUri" : "Credential");
                throw;
            }
        }

        /// <summary>
        /// The message without the runtime's "(Parameter 'baseUri')" suffix: the record names the
        /// cmdlet's parameter instead, and a message should say it once.
        /// </summary>
        private static string WithoutParameterName(ArgumentException ex)
        {
            var suffix = new ArgumentException(string.Empty, ex.ParamName).Message;
            return ex.ParamName != null && ex.Message.EndsWith(suffix, StringComparison.Ordinal)
                ? ex.Message.Substring(0, ex.Message.Length - suffix.Length)
                : ex.Message;
        }

        private LeadApiConnectionOptions BuildOptions()
        {
            if (Region.HasValue && BaseUri != null)
            {
                ThrowArgumentError("Give either -Region or -BaseUri, not both.", "Region");
            }

            if (Region.HasValue && Platform != LeadPlatform.Ivvy)
            {
                ThrowArgumentError($"-Region applies to iVvy only; {Platform.DisplayName()} has one address (use -BaseUri to override it).", "Region");
            }

            if (ProxyCredential != null && Proxy == null)
            {
                ThrowArgumentError("-ProxyCredential needs -Proxy.", "ProxyCredential");
            }

            var (userName, secret) = ChooseCredential();
            var options = new LeadApiConnectionOptions(Platform, userName, secret)
            {
                Name = Name,
                BaseAddress = BaseUri ?? (Region.HasValue ? IvvyRegions.BaseAddress(Region.Value) : null),
                RequestsPerMinute = RequestsPerMinute,
                RateWindow = TimeSpan.FromSeconds(RateWindowSec),
                MaximumRetryCount = MaximumRetryCount,
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                Proxy = Proxy == null ? null : new WebProxy(Proxy) { Credentials = ProxyCredential?.GetNetworkCredential() },
            };
            if (Sandbox)
            {
                AttachSandbox(options);
            }

            return options;
        }

        private (string UserName, SecureString Secret) ChooseCredential()
        {
            if (ParameterSetName == SecretSet)
            {
                return (UserName, Secret);
            }

            if (ParameterSetName == SandboxSet && Credential == PSCredential.Empty)
            {
                // A sandbox needs no real credential: make a throwaway one it accepts.
                var secret = SecretText.Protect(Guid.NewGuid().ToString("N"));
                return (Platform == LeadPlatform.Copper ? SandboxCredentials.CopperUserEmail : SandboxCredentials.IvvyApiKey, secret);
            }

            return (Credential.UserName, Credential.Password);
        }

        /// <summary>
        /// The sandbox accepts the credential connected with, unless -SandboxOption names the
        /// account it accepts (to rehearse a refused credential).
        /// </summary>
        private void AttachSandbox(LeadApiConnectionOptions options)
        {
            var sandboxOptions = (SandboxOption ?? new SandboxOptions()).Clone();
            var secret = SecretText.Reveal(options.Secret);
            if (Platform == LeadPlatform.Copper && sandboxOptions.CopperUserEmail == null && sandboxOptions.CopperApiToken == null)
            {
                sandboxOptions.CopperUserEmail = options.UserName;
                sandboxOptions.CopperApiToken = secret;
            }

            if (Platform == LeadPlatform.Ivvy && sandboxOptions.IvvyApiKey == null)
            {
                sandboxOptions.IvvyApiKey = options.UserName;
                sandboxOptions.IvvyApiSecret = secret;
            }

            var sandbox = new LeadSandbox(Platform, sandboxOptions);
            options.Sandbox = sandbox;
            options.Handler = sandbox.CreateHandler();
            options.HandlerDescription = $"Sandbox ({Platform.DisplayName()}, in memory)";
            options.BaseAddress = sandbox.InMemoryBaseAddress;
            options.PacingClock = new SystemPacingClock(sandboxOptions.TimeScale);
            options.RequestsPerMinute ??= sandboxOptions.RequestsPerMinute > 0 && Platform == LeadPlatform.Copper ? sandboxOptions.RequestsPerMinute : 0;
        }

        private void ThrowArgumentError(string message, string parameter) =>
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(message, parameter), "InvalidConnectParameter", ErrorCategory.InvalidArgument, parameter));
    }
}
