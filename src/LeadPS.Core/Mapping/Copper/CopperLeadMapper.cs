using System;
using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace LeadPS.Mapping
{
    /// <summary>
    /// Turns a lead as a PowerShell user gives it (hashtable, CSV row, LeadPS output) into Copper
    /// request bodies: <c>POST /leads</c>, <c>PUT /leads/{id}</c> and <c>PUT /leads/upsert</c>.
    /// Immutable and safe to share across threads; make one per connection (its schema).
    /// </summary>
    public sealed class CopperLeadMapper
    {
        private readonly HashSet<string> _ignored;
        private readonly CopperLeadReader _reader;
        private readonly CopperMatchBuilder _matches;
        private readonly LeadValueConverter _converter;
        private readonly LeadMappingOptions _options;

        /// <param name="schema">The account's custom field definitions; without them custom fields can only be given by id.</param>
        /// <param name="ignoredProperties">Property names to skip without a word (e.g. LeadPS's own Platform, Outcome, Input).</param>
        /// <param name="options">The culture for numbers and dates, and what a blank value means; invariant and skip by default.</param>
        public CopperLeadMapper(CopperSchema? schema = null, IEnumerable<string>? ignoredProperties = null, LeadMappingOptions? options = null)
        {
            Schema = schema;
            _options = options ?? LeadMappingOptions.Default;
            _converter = new LeadValueConverter(LeadPlatform.Copper, _options.Culture);
            _ignored = PropertyListReader.IgnoreSet(ignoredProperties);
            _reader = new CopperLeadReader(schema, _converter);
            _matches = new CopperMatchBuilder(schema, _converter);
        }

        public CopperSchema? Schema { get; }

        /// <summary>True for <c>email</c> and <c>name</c>; any other match field is a custom field and needs the schema.</summary>
        public static bool IsBuiltInMatchField(string matchField) => CopperMatchBuilder.IsBuiltIn(matchField ?? string.Empty);

        /// <summary>
        /// The body for Set-Lead: with an id (from the input or <paramref name="leadId"/>) the fields
        /// for <c>PUT /leads/{id}</c>, at least one required; without one the fields for
        /// <c>POST /leads</c>, where <c>name</c> is required.
        /// </summary>
        /// <exception cref="LeadValidationException">A field is missing or cannot be converted.</exception>
        public MappedLead MapLead(IEnumerable<KeyValuePair<string, object?>> input, long? leadId = null)
        {
            var reading = Read(input);
            var id = ResolveId(reading.Id, leadId);
            var fields = reading.BuildLeadFields();
            if (id == null && (fields["name"] == null || fields["name"]!.Type == JTokenType.Null))
            {
                reading.Errors.AddUnlessReported(_converter.Invalid(new FieldRef("name"), "A new Copper lead needs a 'name' (the one field Copper requires)" + reading.Unknown.DescribeIgnored("not sent, unknown to Copper") + "."));
            }

            reading.Errors.ThrowIfAny(LeadPlatform.Copper);

            if (id != null && !fields.HasValues)
            {
                throw new LeadValidationException(
                    "Nothing to update on Copper lead " + id.Value.ToString(CultureInfo.InvariantCulture) + ": no field besides 'id' was given" + reading.Unknown.DescribeIgnored("not sent, unknown to Copper") + ".",
                    null,
                    LeadPlatform.Copper);
            }

            return Result(fields, id, reading);
        }

        /// <summary>The body for <c>PUT /leads/upsert</c>, matching on the input's own value of <paramref name="matchField"/>.</summary>
        /// <exception cref="LeadValidationException">The input has no value for the match field, or a field is invalid.</exception>
        public MappedLead MapUpsert(IEnumerable<KeyValuePair<string, object?>> input, string matchField)
        {
            var reading = ReadValid(input);
            return Upsert(reading, _matches.Build(matchField, _matches.OwnValue(reading, matchField)));
        }

        /// <summary>The body for <c>PUT /leads/upsert</c>, matching on an explicit value (-MatchValue).</summary>
        public MappedLead MapUpsert(IEnumerable<KeyValuePair<string, object?>> input, string matchField, object? matchValue)
        {
            var reading = ReadValid(input);
            return Upsert(reading, _matches.Build(matchField, matchValue));
        }

        /// <summary>The match object for a field (email, name, custom field name or id) and a value.</summary>
        public CopperMatch BuildMatch(string matchField, object? matchValue) => _matches.Build(matchField, matchValue);

        /// <summary>
        /// The input's own value for a match field: the email address (from a plain string or an
        /// object), the name, or the custom field's converted value (given by its name or id).
        /// </summary>
        /// <exception cref="LeadValidationException">The input has no such value; FieldName names the field.</exception>
        public object GetOwnMatchValue(IEnumerable<KeyValuePair<string, object?>> input, string matchField) =>
            _matches.OwnValue(ReadValid(input), matchField);

        private CopperLeadReading Read(IEnumerable<KeyValuePair<string, object?>> input) =>
            _reader.Read(PropertyListReader.Read(input, _ignored, _options.EmptyValue));

        /// <summary>The input read, every invalid field reported in one error.</summary>
        private CopperLeadReading ReadValid(IEnumerable<KeyValuePair<string, object?>> input)
        {
            var reading = Read(input);
            reading.Errors.ThrowIfAny(LeadPlatform.Copper);
            return reading;
        }

        private MappedLead Upsert(CopperLeadReading reading, CopperMatch match)
        {
            var fields = reading.BuildLeadFields();
            if (!fields.HasValues)
            {
                throw new LeadValidationException(
                    "Nothing to upsert: the lead has no Copper field to send" + reading.Unknown.DescribeIgnored("not sent, unknown to Copper") + ".",
                    null,
                    LeadPlatform.Copper);
            }

            var body = new JObject { ["properties"] = fields, ["match"] = match.ToJObject() };
            return Result(body, reading.Id, reading);
        }

        private long? ResolveId(long? fromInput, long? fromCaller)
        {
            if (fromInput != null && fromCaller != null && fromInput != fromCaller)
            {
                throw _converter.Invalid(
                    new FieldRef("id"),
                    "The lead's 'id' (" + fromInput.Value.ToString(CultureInfo.InvariantCulture) + ") differs from the id given for it (" + fromCaller.Value.ToString(CultureInfo.InvariantCulture) + ").");
            }

            return fromCaller ?? fromInput;
        }

        private static MappedLead Result(JObject body, long? id, CopperLeadReading reading) =>
            new MappedLead(LeadPlatform.Copper, body, id, reading.Name, reading.Unknown.ToList(), reading.ReadOnly.ToList());
    }
}
