using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadPS.Http
{
    /// <summary>Replaces known secret values in text that may leave the module (error bodies, messages).</summary>
    internal sealed class SecretRedactor
    {
        internal const string Mask = "[redacted]";

        private readonly Func<IEnumerable<string>> _secrets;

        public SecretRedactor(Func<IEnumerable<string>> secrets)
        {
            _secrets = secrets;
        }

        public string? Redact(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            var result = text!;
            foreach (var secret in _secrets().Where(s => !string.IsNullOrEmpty(s)).OrderByDescending(s => s.Length))
            {
                result = ReplaceIgnoringCase(result, secret, Mask);
            }

            return result;
        }

        private static string ReplaceIgnoringCase(string text, string value, string replacement)
        {
            var index = text.IndexOf(value, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                return text;
            }

            var builder = new System.Text.StringBuilder(text.Length);
            var start = 0;
            while (index >= 0)
            {
                builder.Append(text, start, index - start).Append(replacement);
                start = index + value.Length;
                index = text.IndexOf(value, start, StringComparison.OrdinalIgnoreCase);
            }

            return builder.Append(text, start, text.Length - start).ToString();
        }
    }
}
