using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;
using LeadPS.Mapping;
using LeadPS.Pipeline;

namespace LeadPS.Commands
{
    /// <summary>
    /// <para type="synopsis">Adds a lead, or updates the lead with the given id.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "Lead", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = "https://github.com/leadps/LeadPS/blob/main/docs/cmdlets/Set-Lead.md")]
    [OutputType(typeof(CopperLead), typeof(IvvyLead))]
    public sealed class SetLeadCommand : LeadWriteCmdlet
    {
        private CopperLeadMapper? _copperMapper;
        private IvvyLeadMapper? _ivvyMapper;

        /// <summary>A lead to add or update: a hashtable, a PSCustomObject (an Import-Csv row) or a LeadPS lead.</summary>
        [Parameter(ValueFromPipeline = true)]
        [AllowNull]
        public PSObject? InputObject { get; set; }

        /// <summary>The lead to update; without it a lead is added.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(1, long.MaxValue)]
        public long? Id { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public long? QualityId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public long? IndustryId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public long? SourceId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public long? CompanyId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public long? CompanyLeadContactId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public long? ContactId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public long? OwnerUserId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public long? TypeId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public long? SubtypeId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public long? StageId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public long? StageReasonId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        public long? ChannelId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string? Description { get; set; }

        /// <summary>Custom field values: a hashtable of field id (iVvy) or definition name or id (Copper) to value.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public Hashtable? CustomField { get; set; }

        /// <summary>Any other field of the platform by its own name (Copper's email, phone_numbers, tags, ...).</summary>
        [Parameter]
        public Hashtable? Property { get; set; }

        protected override string Activity => "Set-Lead";

        protected override void ProcessRecord()
        {
            object? input = InputObject;
            try
            {
                var properties = Merge();
                input ??= FieldsAsInput(properties);
                EnsureNotEmpty(properties, ActiveConnection.Platform);
                var mapped = ActiveConnection.Platform == LeadPlatform.Copper
                    ? (_copperMapper ??= ActiveConnection.CopperLeads.Mapper(CopperSchemaForMapping(), MappingOptions)).MapLead(properties, Id)
                    : (_ivvyMapper ??= ActiveConnection.IvvyLeads.MapperFor(MappingOptions)).MapLead(properties, Id);
                ReportIgnored(mapped);
                var named = string.IsNullOrEmpty(mapped.Name) ? string.Empty : $" '{mapped.Name}'";
                var platform = ActiveConnection.Platform.DisplayName();
                var target = mapped.Id.HasValue ? $"{platform} lead {mapped.Id}{named}" : $"new {platform} lead{named}";
                if (!ShouldProcess(target, mapped.Id.HasValue ? "Update lead" : "Add lead"))
                {
                    return;
                }

                var connection = ActiveConnection;
                Submit(input, async token => connection.Platform == LeadPlatform.Copper
                    ? await connection.CopperLeads.SetAsync(mapped, token, Retries).ConfigureAwait(false)
                    : await connection.IvvyLeads.AddOrUpdateAsync(mapped, null, token, Retries).ConfigureAwait(false),
                    // Updates of one lead go one at a time, in input order, so the last row wins.
                    mapped.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (LeadApiException ex)
            {
                Fail(ex, input);
            }
        }

        /// <summary>
        /// The piped object's properties, then -Property, then the typed parameters: the more
        /// explicit source wins. A LeadPS lead contributes only what binds by property name (its Id,
        /// Name and ids), so piping Get-Lead into Set-Lead changes what is asked, not everything it read.
        /// </summary>
        private List<KeyValuePair<string, object?>> Merge()
        {
            var merged = new List<KeyValuePair<string, object?>>();
            if (!(InputObject?.BaseObject is Lead))
            {
                Overlay(merged, Input.PipelineInput.ToProperties(InputObject));
            }

            if (Property != null)
            {
                Overlay(merged, Input.PipelineInput.ToProperties(Property));
            }

            Overlay(merged, TypedFields());
            return merged;
        }

        /// <summary>
        /// The typed parameters that have a value for this input, by iVvy's field names (the Copper
        /// mapper knows these as aliases). Read from the properties, not BoundParameters: PowerShell
        /// resets pipeline-bound parameters between inputs, but BoundParameters keeps the old names.
        /// </summary>
        private IEnumerable<KeyValuePair<string, object?>> TypedFields()
        {
            var fields = new (string Field, object? Value)[]
            {
                ("name", Name), ("qualityId", QualityId), ("industryId", IndustryId), ("sourceId", SourceId),
                ("companyId", CompanyId), ("companyLeadContactId", CompanyLeadContactId), ("contactId", ContactId),
                ("ownerUserId", OwnerUserId), ("typeId", TypeId), ("subtypeId", SubtypeId), ("stageId", StageId),
                ("stageReasonId", StageReasonId), ("channelId", ChannelId), ("description", Description),
                ("customFields", CustomField),
            };
            return fields
                .Where(f => f.Value != null)
                .Select(f => new KeyValuePair<string, object?>(f.Field, Input.PipelineInput.Plain(f.Value)));
        }

        // Later sources replace earlier ones, comparing names by the mappers' own rule (Source_Id = sourceId).
        private static void Overlay(List<KeyValuePair<string, object?>> target, IEnumerable<KeyValuePair<string, object?>> source)
        {
            foreach (var property in source)
            {
                var key = PropertyKey.Normalize(property.Key);
                target.RemoveAll(p => PropertyKey.Normalize(p.Key) == key);
                target.Add(property);
            }
        }

        /// <summary>
        /// The input of a call made with parameters: its lead fields (-Id, the typed fields and
        /// -Property's) by the platform's names, never common parameters such as -ErrorAction, so
        /// a failed call's TargetObject piped into Set-Lead runs it again.
        /// </summary>
        private OrderedDictionary FieldsAsInput(IEnumerable<KeyValuePair<string, object?>> properties)
        {
            var fields = new OrderedDictionary(StringComparer.OrdinalIgnoreCase);
            if (Id.HasValue)
            {
                fields["id"] = Id.Value;
            }

            foreach (var property in properties)
            {
                fields[property.Key] = property.Value;
            }

            return fields;
        }
    }
}
