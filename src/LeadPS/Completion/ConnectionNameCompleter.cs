using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using LeadPS.Connections;

namespace LeadPS.Completion
{
    /// <summary>Completes the names of this session's connections (for -Name and -Connection).</summary>
    public sealed class ConnectionNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = WildcardPattern.Get((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            return ConnectionRegistry.ForCurrentRunspace().All()
                .Where(c => pattern.IsMatch(c.Name))
                .Select(c => new CompletionResult(Quote(c.Name), c.Name, CompletionResultType.ParameterValue, $"{c.Name}: {c.Platform.DisplayName()} as {c.UserName} at {c.Endpoint}"))
                .ToList();
        }

        internal static string Quote(string text) =>
            text.Any(ch => char.IsWhiteSpace(ch) || "'\"`$(){};,|&@#<>".IndexOf(ch) >= 0) ? "'" + text.Replace("'", "''") + "'" : text;
    }
}
