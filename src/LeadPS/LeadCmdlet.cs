using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using LeadPS.Connections;
using LeadPS.Errors;
using LeadPS.Http;

namespace LeadPS
{
    /// <summary>
    /// What every LeadPS cmdlet shares: the runspace's connections, a cancellation token that
    /// Ctrl+C (StopProcessing) cancels at once, and the one way exceptions become ErrorRecords.
    /// </summary>
    public abstract class LeadCmdlet : PSCmdlet, IDisposable
    {
        /// <summary>How often a waiting command refreshes its progress.</summary>
        internal static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);

        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private bool _saidPaused;

        protected CancellationToken CancellationToken => _stopping.Token;

        internal ConnectionRegistry Connections => ConnectionRegistry.ForCurrentRunspace();

        public void Dispose()
        {
            _stopping.Dispose();
            GC.SuppressFinalize(this);
        }

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>The given connection, or the runspace's default; without either, a terminating error.</summary>
        internal LeadApiConnection ResolveConnection(LeadApiConnection? given)
        {
            var connection = given ?? Connections.Default;
            if (connection == null)
            {
                ThrowTerminatingError(new ErrorRecord(
                    new InvalidOperationException("There is no LeadPS connection in this session. Run Connect-LeadApi first, or pass -Connection."),
                    "LeadApiNotConnected",
                    ErrorCategory.ConnectionError,
                    null)
                {
                    ErrorDetails = new ErrorDetails("There is no LeadPS connection in this session.")
                    {
                        RecommendedAction = "Connect-LeadApi -Platform Copper -Credential (Get-Credential), or Connect-LeadApi -Platform Copper -Sandbox.",
                    },
                });
            }

            return connection!;
        }

        /// <summary>Connections whose name matches; a plain name that matches none is a non-terminating error.</summary>
        internal IReadOnlyList<LeadApiConnection> ConnectionsNamed(string name)
        {
            var matches = Connections.Match(name);
            if (matches.Count == 0 && !WildcardPattern.ContainsWildcardCharacters(name))
            {
                WriteError(new ErrorRecord(
                    new ItemNotFoundException($"There is no LeadPS connection named '{name}'. Get-LeadApiConnection lists them."),
                    "LeadApiConnectionNotFound",
                    ErrorCategory.ObjectNotFound,
                    name));
            }

            return matches;
        }

        /// <summary>
        /// Waits for a task on the pipeline thread, calling <see cref="WhileWaiting"/> every
        /// <see cref="ProgressInterval"/> so progress keeps moving; Ctrl+C ends the wait at once.
        /// </summary>
        protected void Await(Task task)
        {
            try
            {
                while (Task.WaitAny(new[] { task }, (int)ProgressInterval.TotalMilliseconds, CancellationToken) < 0)
                {
                    WhileWaiting();
                }

                task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Called on the pipeline thread while <see cref="Await(Task)"/> waits: the place to refresh progress.</summary>
        protected virtual void WhileWaiting()
        {
        }

        /// <summary>
        /// Shows that requests on <paramref name="connection"/>'s account wait for the rate budget (or
        /// a pause after a 429) in <paramref name="progress"/>'s status and current operation, when they do.
        /// </summary>
        internal static void DescribePacing(ProgressRecord progress, LeadApiConnection? connection)
        {
            var pacing = connection?.PacingStatus;
            if (pacing == null)
            {
                return;
            }

            // The headline leads the status so that the minimal view shows it; the classic view also shows the whole story.
            progress.StatusDescription = pacing.Headline + "; " + progress.StatusDescription;
            progress.CurrentOperation = pacing.ToString();
        }

        /// <summary>-Verbose says when the account's gate starts a pause, whoever's 429 caused it.</summary>
        internal void SayWhenPaused(LeadApiConnection connection)
        {
            var pacing = connection.PacingStatus;
            var paused = pacing?.Paused == true;
            if (paused && !_saidPaused)
            {
                WriteVerbose(pacing + ".");
            }

            _saidPaused = paused;
        }

        protected T Await<T>(Task<T> task)
        {
            Await((Task)task);
            return task.Result;
        }

        protected void WriteLeadError(Exception exception, object? targetObject) =>
            WriteError(LeadErrorRecords.From(exception, targetObject));

        protected void ThrowLeadError(Exception exception, object? targetObject) =>
            ThrowTerminatingError(LeadErrorRecords.From(exception, targetObject));
    }
}
