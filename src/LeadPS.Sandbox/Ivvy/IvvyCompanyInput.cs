using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>
    /// A nested <c>company</c> object, read as addOrUpdateCompany would: with an id it updates that
    /// company (only the values given); without one it is a new company, which needs businessName.
    /// </summary>
    internal sealed class IvvyCompanyInput
    {
        private IvvyCompanyInput(long? id, string? businessName, string? email, string? phone)
        {
            Id = id;
            BusinessName = businessName;
            Email = email;
            Phone = phone;
        }

        public long? Id { get; }

        public bool IsNew => !Id.HasValue;

        public string? BusinessName { get; }

        public string? Email { get; }

        public string? Phone { get; }

        public static IvvyCompanyInput Parse(JObject source, string path)
        {
            var id = IvvyParameters.WholeNumber(source, "id", path + ".id");
            string? businessName;
            if (id.HasValue)
            {
                businessName = IvvyParameters.Text(source, "businessName", path + ".businessName");
                if (businessName != null && businessName.Trim().Length == 0)
                {
                    throw IvvyApiError.Invalid(path + ".businessName", "Value must not be empty").ToException();
                }
            }
            else
            {
                businessName = IvvyParameters.RequiredText(source, "businessName", path + ".businessName");
            }

            var email = IvvyParameters.Email(source, "email", path + ".email");
            var phone = IvvyParameters.Text(source, "phone", path + ".phone");
            return new IvvyCompanyInput(id, businessName, email, phone);
        }
    }
}
