using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LeadPS.Leads
{
    /// <summary>Turns the platforms' lead JSON into LeadPS's lead objects, with plain .NET values for users.</summary>
    internal static class LeadReader
    {
        public static CopperLead Copper(JObject json, LeadOutcome outcome)
        {
            var fields = ToDictionary(json);
            return new CopperLead(Long(json, "id") ?? 0, Text(json, "name"), outcome, fields)
            {
                Email = json["email"] is JObject email ? Text(email, "email") : Text(json, "email"),
                CompanyName = Text(json, "company_name"),
                Title = Text(json, "title"),
                Status = Text(json, "status"),
                StatusId = Long(json, "status_id"),
                AssigneeId = Long(json, "assignee_id"),
                PhoneNumbers = (json["phone_numbers"] as JArray)?.Select(p => p is JObject o ? Text(o, "number") : p.ToString()).Where(n => n != null).Select(n => n!).ToArray() ?? Array.Empty<string>(),
                Tags = (json["tags"] as JArray)?.Select(t => t.ToString()).ToArray() ?? Array.Empty<string>(),
                DateCreated = UnixTime(json, "date_created"),
                DateModified = UnixTime(json, "date_modified"),
            };
        }

        public static IvvyLead Ivvy(JObject json, LeadOutcome outcome)
        {
            var fields = ToDictionary(json);
            var contact = json["contact"] as JObject;
            return new IvvyLead(Long(json, "id") ?? 0, Text(json, "name"), outcome, fields)
            {
                Description = Text(json, "description"),
                QualityId = Long(json, "qualityId"),
                IndustryId = Long(json, "industryId"),
                SourceId = Long(json, "sourceId"),
                CompanyId = Long(json, "companyId") ?? (json["company"] is JObject company ? Long(company, "id") : null),
                CompanyLeadContactId = Long(json, "companyLeadContactId"),
                ContactId = Long(json, "contactId") ?? (contact != null ? Long(contact, "id") : null),
                OwnerUserId = Long(json, "ownerUserId"),
                TypeId = Long(json, "typeId"),
                SubtypeId = Long(json, "subtypeId"),
                StageId = Long(json, "stageId"),
                StageReasonId = Long(json, "stageReasonId"),
                ChannelId = Long(json, "channelId"),
                ContactEmail = contact != null ? Text(contact, "email") : null,
            };
        }

        /// <summary>JSON to plain values: objects become dictionaries, arrays object[], numbers long or double.</summary>
        public static object? Plain(JToken? token)
        {
            switch (token?.Type)
            {
                case null:
                case JTokenType.Null:
                case JTokenType.Undefined:
                    return null;
                case JTokenType.Object:
                    return ToDictionary((JObject)token);
                case JTokenType.Array:
                    return token.Select(Plain).ToArray();
                case JTokenType.Integer:
                    return (long)token;
                case JTokenType.Float:
                    return (double)token;
                case JTokenType.Boolean:
                    return (bool)token;
                default:
                    return token.ToString();
            }
        }

        private static Dictionary<string, object?> ToDictionary(JObject json) =>
            json.Properties().ToDictionary(p => p.Name, p => Plain(p.Value), StringComparer.OrdinalIgnoreCase);

        private static string? Text(JObject json, string name) =>
            json.TryGetValue(name, StringComparison.OrdinalIgnoreCase, out var value) && value.Type != JTokenType.Null && value.Type != JTokenType.Object && value.Type != JTokenType.Array
                ? value.ToString()
                : null;

        private static long? Long(JObject json, string name) =>
            json.TryGetValue(name, StringComparison.OrdinalIgnoreCase, out var value) && long.TryParse(value.ToString(), out var number) ? number : (long?)null;

        private static DateTimeOffset? UnixTime(JObject json, string name)
        {
            var seconds = Long(json, name);
            return seconds.HasValue ? DateTimeOffset.FromUnixTimeSeconds(seconds.Value) : (DateTimeOffset?)null;
        }
    }
}
