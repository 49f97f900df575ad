using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LeadPS.Completion;
using LeadPS.Connections;
using LeadPS.Http;
using LeadPS.Ivvy;
using Newtonsoft.Json.Linq;

namespace LeadPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Reads leads back: by id, or by name and e-mail (wildcards allowed), every page.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "Lead", DefaultParameterSetName = SearchSet, SupportsPaging = true, HelpUri = "https://github.com/leadps/LeadPS/blob/main/docs/cmdlets/Get-Lead.md")]
    [OutputType(typeof(CopperLead), typeof(IvvyLead))]
    public sealed class GetLeadCommand : LeadCmdlet
    {
        private const string ByIdSet = "ById";
        private const string SearchSet = "Search";

        private readonly int _progressId = new Random().Next(1, int.MaxValue);
        private LeadApiConnection _connection = null!;
        private IvvyLeadFinder? _ivvyIds;
        private bool _progressShown;
        private ulong _skipped;
        private ulong _written;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long[] Id { get; set; } = new long[0];

        /// <summary>The lead's name; wildcards allowed, case-insensitive.</summary>
        [Parameter(Position = 0, ParameterSetName = SearchSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The lead's e-mail (Copper) or its contact's e-mail (iVvy); wildcards allowed.</summary>
        [Parameter(ParameterSetName = SearchSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Email { get; set; }

        /// <summary>The connection to use, or its name; the session's default when omitted.</summary>
        [Parameter]
        [ValidateNotNull]
        [ConnectionTransformation]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public LeadApiConnection? Connection { get; set; }

        protected override void BeginProcessing()
        {
            _connection = ResolveConnection(Connection);
        }

        protected override void EndProcessing()
        {
            if (_progressShown)
            {
                WriteProgress(new ProgressRecord(_progressId, "Get-Lead", "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        /// <summary>Reading pages can wait for the account's rate budget: progress says so while it does.</summary>
        protected override void WhileWaiting()
        {
            SayWhenPaused(_connection);
            var progress = new ProgressRecord(_progressId, "Get-Lead", $"Reading leads from {_connection.Platform.DisplayName()}");
            DescribePacing(progress, _connection);
            WriteProgress(progress);
            _progressShown = true;
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == ByIdSet)
            {
                foreach (var id in Id)
                {
                    GetById(id);
                }

                return;
            }

            Search();
        }

        private void GetById(long id)
        {
            try
            {
                if (_connection.Platform == LeadPlatform.Copper)
                {
                    Emit(Await(_connection.CopperLeads.GetAsync(id, CancellationToken)));
                    return;
                }

                // iVvy documents no get-single-lead call: ask the list for the id (verified), or list every lead once per command.
                var finder = _ivvyIds ??= new IvvyLeadFinder(_connection.IvvyLeads, IvvyMatchField.Id);
                var candidates = Await(finder.FindAsync(id, CancellationToken));
                if (candidates.ListingNote != null)
                {
                    WriteVerbose(candidates.ListingNote);
                }

                var json = candidates.Lead(id);
                if (json == null)
                {
                    throw new LeadApiException($"There is no iVvy lead with id {id}.", LeadErrorKind.NotFound, LeadPlatform.Ivvy);
                }

                var found = _connection.IvvyLeads.Read(json, LeadOutcome.Retrieved);
                Emit(found);
            }
            catch (LeadApiException ex)
            {
                WriteLeadError(ex, id);
            }
        }

        private void Search()
        {
            var name = Name == null ? null : WildcardPattern.Get(Name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            var email = Email == null ? null : WildcardPattern.Get(Email, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);
            var matched = new List<Lead>();
            Func<Lead, string?, bool> collect = (lead, leadEmail) =>
            {
                if ((name == null || name.IsMatch(lead.Name ?? string.Empty)) && (email == null || email.IsMatch(leadEmail ?? string.Empty)))
                {
                    matched.Add(lead);
                }

                return !Enough(matched.Count);
            };

            try
            {
                long total;
                if (_connection.Platform == LeadPlatform.Copper)
                {
                    total = Await(_connection.CopperLeads.SearchAsync(CopperFilter(), lead => collect(lead, lead.Email), CancellationToken));
                }
                else
                {
                    total = SearchIvvy(json => { var lead = _connection.IvvyLeads.Read(json, LeadOutcome.Retrieved); return collect(lead, lead.ContactEmail); });
                }

                WriteVerbose($"{_connection.Platform.DisplayName()} returned {total} leads for the search; {matched.Count} match.");
                if (PagingParameters.IncludeTotalCount)
                {
                    WriteObject(PagingParameters.NewTotalCount((ulong)matched.Count, 1.0));
                }
            }
            catch (LeadApiException ex)
            {
                WriteLeadError(ex, Name ?? Email);
            }

            foreach (var lead in matched)
            {
                Emit(lead);
            }
        }

        /// <summary>
        /// Asks iVvy for the leads the patterns' literal text fits (name, name__BEGINS, __ENDS or
        /// __CONTAINS; contactEmail likewise), every lead returned checked against that filter; lists
        /// every lead when there is no literal text, or the filter was ignored or refused. The caller
        /// matches the real patterns. Returns how many leads iVvy gave.
        /// </summary>
        private long SearchIvvy(Func<JObject, bool> onLead)
        {
            var service = _connection.IvvyLeads;
            var conditions = new[]
            {
                Name == null ? null : IvvyLeadCondition.ForWildcard(IvvyMatchField.Name, Name),
                Email == null ? null : IvvyLeadCondition.ForWildcard(IvvyMatchField.Email, Email),
            }.Where(c => c != null).Select(c => c!).ToList();
            var narrowed = conditions.Count == 0 ? null : Await(service.FindAsync(conditions, int.MaxValue, CancellationToken));
            if (narrowed != null)
            {
                WriteVerbose($"Asked iVvy for leads where {string.Join(" and ", conditions.Where(c => service.Filters.IsUsable(c.Key)))}.");
                foreach (var json in narrowed)
                {
                    if (!onLead(json))
                    {
                        break;
                    }
                }

                return narrowed.Count;
            }

            WriteVerbose("Listing every iVvy lead for the search, because " + (service.WhyNotFiltered(conditions) ?? "the patterns have no literal text to ask iVvy for") + ".");
            return Await(service.ListAsync(onLead, CancellationToken));
        }

        /// <summary>The server-side part of the search: the literal text around any wildcard, refined locally.</summary>
        private JObject CopperFilter()
        {
            var filter = new JObject();
            var literalName = Literal(Name);
            if (!string.IsNullOrEmpty(literalName))
            {
                filter["name"] = literalName;
            }

            if (Email != null && !WildcardPattern.ContainsWildcardCharacters(Email))
            {
                filter["emails"] = new JArray(Email);
            }

            return filter;
        }

        private bool Enough(int count) =>
            PagingParameters.First != ulong.MaxValue && !PagingParameters.IncludeTotalCount && (ulong)count >= PagingParameters.Skip + PagingParameters.First;

        private void Emit(Lead lead)
        {
            if (_skipped < PagingParameters.Skip)
            {
                _skipped++;
                return;
            }

            if (_written >= PagingParameters.First)
            {
                return;
            }

            _written++;
            WriteObject(lead);
        }

        private static string? Literal(string? pattern)
        {
            if (pattern == null)
            {
                return null;
            }

            var cut = pattern.IndexOfAny(new[] { '*', '?', '[' });
            var literal = cut < 0 ? pattern : pattern.Substring(0, cut);
            return literal.Trim();
        }
    }
}
