namespace LeadPS.Mapping
{
    /// <summary>
    /// A deliberately modest plausibility check (one '@', something before it, a dotted domain
    /// after it, no spaces): it catches a name or phone number typed into the email column without
    /// rejecting real addresses, including internationalised ones.
    /// </summary>
    internal static class EmailAddressText
    {
        internal static bool IsPlausible(string address)
        {
            foreach (var c in address)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    return false;
                }
            }

            var at = address.IndexOf('@');
            if (at <= 0 || at != address.LastIndexOf('@') || at == address.Length - 1)
            {
                return false;
            }

            var domain = address.Substring(at + 1);
            return domain.IndexOf('.') > 0
                && !domain.EndsWith(".", System.StringComparison.Ordinal)
                && domain.IndexOf("..", System.StringComparison.Ordinal) < 0;
        }
    }
}
