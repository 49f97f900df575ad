namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>The filter key suffixes iVvy documents (<c>name__BEGINS</c>); no suffix is <see cref="Equal"/>.</summary>
    internal enum IvvyFilterOperator
    {
        Equal,
        Contains,
        NotContains,
        Begins,
        Ends,
        LessThan,
        GreaterThan,
        Not,
        Empty,
    }
}
