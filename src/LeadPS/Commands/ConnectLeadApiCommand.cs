using System;
using System.Management.Automation;
using System.Net;
using System.Security;
using LeadPS.Http;
using LeadPS.Ivvy;

namespace LeadPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Connects to a Copper or iVvy account and verifies the credential.</para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "LeadApi", DefaultParameterSetName = CredentialSet)]
    [OutputType(typeof(LeadApiConnection))]
    public sealed class ConnectLeadApiCommand : LeadCmdlet
    {
        private const string CredentialSet = "Credential";
        private const string SecretSet = "Secret";

        [Parameter(Mandatory = true, Position = 0)]
        public LeadPlatform Platform { get; set; }

        /// <summary>Copper: user name = the token owner's e-mail, password = API token. iVvy: user name = API key, password = API secret.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = CredentialSet)]
        [Credential]
        public PSCredential Credential { get; set; } = PSCredential.Empty;

        /// <summary>Copper: the token owner's e-mail. iVvy: the API key.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SecretSet)]
        [ValidateNotNullOrEmpty]
        public string UserName { get; set; } = string.Empty;

        /// <summary>Copper: the API token. iVvy: the API secret.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SecretSet)]
        public SecureString Secret { get; set; } = new SecureString();

        [Parameter]
        public IvvyRegion? Region { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Uri? BaseUri { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        [ValidateRange(0, 100000)]
        public int? RequestsPerMinute { get; set; }

        [Parameter]
        [ValidateRange(0, 20)]
        public int MaximumRetryCount { get; set; } = LeadApiConnectionOptions.DefaultMaximumRetryCount;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 100;

        [Parameter]
        [ValidateNotNull]
        public Uri? Proxy { get; set; }

        [Parameter]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var connection = CreateConnection();
            WriteVerbose($"Verifying the {Platform} credential of '{connection.UserName}' at {connection.Endpoint}.");
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

            Connections.Add(connection);
            var account = connection.AccountName == null ? string.Empty : $" (account '{connection.AccountName}')";
            var pace = connection.RequestsPerMinute > 0 ? $"{connection.RequestsPerMinute} requests per minute" : "no pacing";
            WriteVerbose($"Connected '{connection.Name}' to {Platform}{account} as '{connection.UserName}' at {connection.Endpoint}; {pace}, up to {connection.MaximumRetryCount} retries. It is now the default connection.");
            if (PassThru)
            {
                WriteObject(connection);
            }
        }

        private LeadApiConnection CreateConnection()
        {
            try
            {
                return new LeadApiConnection(BuildOptions());
            }
            catch (ArgumentException ex)
            {
                ThrowArgumentError(ex.Message, ex.ParamName == "baseUri" ? "BaseUri" : "Credential");
                throw;
            }
        }

        private LeadApiConnectionOptions BuildOptions()
        {
            if (Region.HasValue && BaseUri != null)
            {
                ThrowArgumentError("Give either -Region or -BaseUri, not both.", "Region");
            }

            if (Region.HasValue && Platform != LeadPlatform.Ivvy)
            {
                ThrowArgumentError($"-Region applies to iVvy only; {Platform} has one address (use -BaseUri to override it).", "Region");
            }

            if (ProxyCredential != null && Proxy == null)
            {
                ThrowArgumentError("-ProxyCredential needs -Proxy.", "ProxyCredential");
            }

            var userName = ParameterSetName == SecretSet ? UserName : Credential.UserName;
            var secret = ParameterSetName == SecretSet ? Secret : Credential.Password;
            return new LeadApiConnectionOptions(Platform, userName, secret)
            {
                Name = Name,
                BaseAddress = BaseUri ?? (Region.HasValue ? IvvyRegions.BaseAddress(Region.Value) : null),
                RequestsPerMinute = RequestsPerMinute,
                MaximumRetryCount = MaximumRetryCount,
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                Proxy = Proxy == null ? null : new WebProxy(Proxy) { Credentials = ProxyCredential?.GetNetworkCredential() },
            };
        }

        private void ThrowArgumentError(string message, string parameter) =>
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(message, parameter), "InvalidConnectParameter", ErrorCategory.InvalidArgument, parameter));
    }
}
