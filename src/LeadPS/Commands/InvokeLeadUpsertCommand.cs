using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LeadPS.Completion;
using LeadPS.Ivvy;
using LeadPS.Mapping;
using LeadPS.Pipeline;
using Newtonsoft.Json.Linq;

namespace LeadPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Creates or updates each piped lead, matching existing leads on a field.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "LeadUpsert", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = "https://github.com/leadps/LeadPS/blob/main/docs/cmdlets/Invoke-LeadUpsert.md")]
    [OutputType(typeof(CopperLead), typeof(IvvyLead))]
    public sealed class InvokeLeadUpsertCommand : LeadWriteCmdlet
    {
        private CopperLeadMapper? _copperMapper;
        private IvvyLeadMapper? _ivvyMapper;
        private IvvyLeadFinder? _ivvyFinder;
        private int _inputsWithMatchValue;

        /// <summary>The leads: hashtables, PSCustomObjects (Import-Csv rows) or LeadPS leads, piped or given as an array.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowNull]
        [AllowEmptyCollection]
        public PSObject?[]? InputObject { get; set; }

        /// <summary>
        /// The field that identifies a lead: <c>email</c>, <c>name</c>, or a custom field by name or id
        /// (Copper); <c>name</c>, <c>email</c> (the contact's), a parameter such as <c>contactId</c>, or a
        /// custom field id (iVvy). Default: <c>email</c> on Copper, <c>name</c> on iVvy.
        /// </summary>
        [Parameter(Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(MatchFieldCompleter))]
        public string? MatchField { get; set; }

        /// <summary>The value to match; defaults to the input's own value of the match field.</summary>
        [Parameter]
        public object? MatchValue { get; set; }

        protected override string Activity => "Invoke-LeadUpsert";

        private string EffectiveMatchField => MatchField ?? (ActiveConnection.Platform == LeadPlatform.Copper ? "email" : "name");

        protected override void ProcessRecord()
        {
            var items = InputObject ?? new PSObject?[] { null };
            if (!MyInvocation.ExpectingInput)
            {
                // Given as -InputObject $rows: the total is known, so progress can tell the time left.
                ExpectTotal(items.Length);
            }

            foreach (var item in items)
            {
                Upsert(item);
            }
        }

        private void Upsert(PSObject? input)
        {
            if (MyInvocation.BoundParameters.ContainsKey(nameof(MatchValue)) && ++_inputsWithMatchValue == 2)
            {
                WriteWarning($"-MatchValue '{MatchValue}' applies to every input of this command, so all of them match the same lead. Give one input per command, or leave -MatchValue out to match each input on its own value.");
            }

            try
            {
                var properties = Input.PipelineInput.ToProperties(input);
                EnsureNotEmpty(properties, ActiveConnection.Platform);
                if (ActiveConnection.Platform == LeadPlatform.Copper)
                {
                    UpsertCopper(input, properties);
                }
                else
                {
                    UpsertIvvy(input, properties);
                }
            }
            catch (LeadApiException ex)
            {
                Fail(ex, input);
            }
        }

        private void UpsertCopper(object? input, IReadOnlyList<KeyValuePair<string, object?>> properties)
        {
            var mapper = _copperMapper ??= ActiveConnection.CopperLeads.Mapper(CopperSchemaForMapping(), MappingOptions);
            var mapped = MyInvocation.BoundParameters.ContainsKey(nameof(MatchValue))
                ? mapper.MapUpsert(properties, EffectiveMatchField, MatchValue)
                : mapper.MapUpsert(properties, EffectiveMatchField);
            ReportIgnored(mapped);
            var match = mapped.Body["match"]!;
            var target = $"{mapped.Name ?? "lead"} matching {EffectiveMatchField} = {DescribeMatch(match)}";
            if (!ShouldProcess(target, $"Upsert {ActiveConnection.Platform.DisplayName()} lead"))
            {
                return;
            }

            var service = ActiveConnection.CopperLeads;
            // Rows with the same match value would upsert the same lead: they go one at a time, in input order.
            Submit(input, async token => await service.UpsertAsync(mapped, token, Retries).ConfigureAwait(false), MatchKey.Of(match["field_value"]));
        }

        private void UpsertIvvy(object? input, IReadOnlyList<KeyValuePair<string, object?>> properties)
        {
            var service = ActiveConnection.IvvyLeads;
            var mapper = _ivvyMapper ??= service.MapperFor(MappingOptions);
            var matchValue = MyInvocation.BoundParameters.ContainsKey(nameof(MatchValue))
                ? MatchValue
                : mapper.GetOwnMatchValue(properties, EffectiveMatchField);
            var plainValue = matchValue is PSObject ps ? ps.BaseObject : matchValue;
            var key = IvvyMatchField.Key(plainValue)
                ?? throw new LeadValidationException($"The match value for '{EffectiveMatchField}' is empty; give the input a value or pass -MatchValue.", EffectiveMatchField, LeadPlatform.Ivvy);
            var name = NameOf(properties);
            if (!ShouldProcess($"{name ?? "lead"} matching {EffectiveMatchField} = '{matchValue}'", "Upsert iVvy lead"))
            {
                return;
            }

            // Same-key inputs run one after another, so a later one finds the lead an earlier one added.
            WaitForKey(key);
            var finder = _ivvyFinder ??= new IvvyLeadFinder(service, new IvvyMatchField(EffectiveMatchField));
            var candidates = Await(finder.FindAsync(plainValue!, CancellationToken));
            if (candidates.ListingNote != null)
            {
                WriteVerbose(candidates.ListingNote);
            }

            if (candidates.Ids.Count > 1)
            {
                throw IvvyLeadService.Conflict(candidates.Ids, EffectiveMatchField, matchValue);
            }

            var existingId = candidates.Ids.Count == 1 ? candidates.Ids[0] : (long?)null;
            var mapped = mapper.MapLead(properties, existingId);
            ReportIgnored(mapped);
            var known = existingId.HasValue ? candidates.Lead(existingId.Value) : null;
            var knewBefore = existingId.HasValue ? null : Await(finder.KnewBeforeAddAsync(mapped.Body["name"]?.ToString(), CancellationToken));
            Submit(
                input,
                async token =>
                {
                    var lead = await service.AddOrUpdateAsync(mapped, known, token, Retries, knewBefore).ConfigureAwait(false);
                    finder.Remember(JObject.FromObject(lead.Fields));
                    return lead;
                },
                key);
        }

        private static string DescribeMatch(JToken match)
        {
            var value = match["field_value"];
            return value is JObject custom ? $"'{custom["value"]}' (custom field {custom["custom_field_definition_id"]})" : $"'{value}'";
        }

        private static string? NameOf(IReadOnlyList<KeyValuePair<string, object?>> properties) =>
            properties.FirstOrDefault(p => string.Equals(p.Key, "name", StringComparison.OrdinalIgnoreCase)).Value?.ToString();
    }
}
