namespace LeadPS.Sandbox.Copper
{
    /// <summary>The <c>data_type</c> values of Copper custom field definitions that the Sandbox seeds.</summary>
    public static class CopperDataTypes
    {
        /// <summary>Single-line text.</summary>
        public const string String = "String";

        /// <summary>Multi-line text.</summary>
        public const string Text = "Text";

        /// <summary>One option id.</summary>
        public const string Dropdown = "Dropdown";

        /// <summary>An array of option ids.</summary>
        public const string MultiSelect = "MultiSelect";

        /// <summary>Unix seconds.</summary>
        public const string Date = "Date";

        /// <summary>Any number.</summary>
        public const string Float = "Float";
    }
}
