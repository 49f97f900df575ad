namespace LeadPS
{
    /// <summary>One invalid field of an input: which field, and what is wrong with it.</summary>
    public sealed class LeadFieldError
    {
        public LeadFieldError(string? fieldName, string message)
        {
            FieldName = fieldName;
            Message = message;
        }

        /// <summary>The platform's name for the field, or null when the problem is the lead as a whole.</summary>
        public string? FieldName { get; }

        public string Message { get; }

        public override string ToString() => Message;
    }
}
