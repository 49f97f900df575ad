using System;
using System.Collections.Generic;
using System.Linq;

namespace LeadPS.Sandbox.Copper
{
    /// <summary>
    /// The name pieces Copper derives from a lead's <c>name</c>: a known title in front is the
    /// prefix, a known generational/degree suffix at the end is the suffix, then the first token
    /// is the first name, the last token the last name and anything between the middle name.
    /// </summary>
    internal sealed class CopperNameParts
    {
        private CopperNameParts(string? prefix, string? first, string? middle, string? last, string? suffix)
        {
            Prefix = prefix;
            FirstName = first;
            MiddleName = middle;
            LastName = last;
            Suffix = suffix;
        }

        public string? Prefix { get; }

        public string? FirstName { get; }

        public string? MiddleName { get; }

        public string? LastName { get; }

        public string? Suffix { get; }

        public static CopperNameParts Parse(string name)
        {
            var tokens = new List<string>(
                name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(token => token.TrimEnd(',')).Where(token => token.Length > 0));

            // A lone "Dr" or "Jr" is somebody's name, not a title: keep at least one token.
            string? prefix = null;
            if (tokens.Count > 1 && IsPrefix(tokens[0]))
            {
                prefix = tokens[0];
                tokens.RemoveAt(0);
            }

            string? suffix = null;
            if (tokens.Count > 1 && IsSuffix(tokens[tokens.Count - 1]))
            {
                suffix = tokens[tokens.Count - 1];
                tokens.RemoveAt(tokens.Count - 1);
            }

            var first = tokens.Count > 0 ? tokens[0] : null;
            var last = tokens.Count > 1 ? tokens[tokens.Count - 1] : null;
            var middle = tokens.Count > 2 ? string.Join(" ", tokens.Skip(1).Take(tokens.Count - 2)) : null;
            return new CopperNameParts(prefix, first, middle, last, suffix);
        }

        private static string Normalize(string token) => token.TrimEnd('.').ToLowerInvariant();

        private static bool IsPrefix(string token) => Normalize(token) switch
        {
            "mr" or "mrs" or "ms" or "miss" or "mx" or "dr" or "prof" or "sir" or "rev" => true,
            _ => false,
        };

        private static bool IsSuffix(string token) => Normalize(token) switch
        {
            "jr" or "sr" or "ii" or "iii" or "iv" or "phd" or "md" or "esq" => true,
            _ => false,
        };
    }
}
