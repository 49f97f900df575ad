using System;

namespace LeadPS.Mapping
{
    /// <summary>
    /// Names a field in error messages: the platform's name (which becomes
    /// <see cref="LeadValidationException.FieldName"/>) and, when different, the name the user typed,
    /// so a CSV user can find the offending column.
    /// </summary>
    internal readonly struct FieldRef
    {
        internal FieldRef(string name, string? given = null)
        {
            Name = name;
            Given = given;
        }

        internal string Name { get; }

        internal string? Given { get; }

        internal string Label =>
            Given == null || string.Equals(Given, Name, StringComparison.OrdinalIgnoreCase)
                ? "'" + Name + "'"
                : "'" + Name + "' (given as '" + Given + "')";

        /// <summary>A key inside this field's nested object, such as <c>address.city</c>.</summary>
        internal FieldRef Child(string name, string? given = null) =>
            new FieldRef(Name + "." + name, given == null ? null : (Given ?? Name) + "." + given);
    }
}
