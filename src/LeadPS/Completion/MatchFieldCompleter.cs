using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LeadPS.Connections;
using LeadPS.Http;

namespace LeadPS.Completion
{
    /// <summary>
    /// Completes -MatchField: <c>email</c> and <c>name</c>, then the connection's filterable custom
    /// fields on leads (Copper, from the definitions read at connect) or iVvy's matchable parameters.
    /// </summary>
    public sealed class MatchFieldCompleter : IArgumentCompleter
    {
        private static readonly string[] IvvyFields = { "contactId", "companyId", "description", "sourceId", "typeId", "stageId" };

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = ChosenConnection(fakeBoundParameters);
            var pattern = WildcardPattern.Get((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            var fields = new List<(string Name, string Tip)> { ("email", "Match on the lead's e-mail"), ("name", "Match on the lead's name") };
            if (connection?.Platform == LeadPlatform.Copper && connection.CopperLeads.CachedSchema is { } schema)
            {
                fields.AddRange(schema.Definitions
                    .Where(d => d.IsAvailableOnLeads && d.IsFilterable)
                    .Select(d => (d.Name, $"Custom field {d.Id} ({d.DataTypeName})")));
            }
            else if (connection?.Platform == LeadPlatform.Ivvy)
            {
                fields.AddRange(IvvyFields.Select(f => (f, "Match on the lead's " + f)));
            }

            return fields
                .Where(f => pattern.IsMatch(f.Name))
                .Select(f => new CompletionResult(ConnectionNameCompleter.Quote(f.Name), f.Name, CompletionResultType.ParameterValue, f.Tip))
                .ToList();
        }

        private static LeadApiConnection? ChosenConnection(IDictionary fakeBoundParameters)
        {
            var given = fakeBoundParameters?["Connection"];
            var value = given is PSObject ps ? ps.BaseObject : given;
            var registry = ConnectionRegistry.ForCurrentRunspace();
            return value switch
            {
                LeadApiConnection connection => connection,
                string name => registry.Find(name),
                _ => registry.Default,
            };
        }
    }
}
