using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>
    /// A nested <c>contact</c> object, read as addOrUpdateContact would: with an id it updates that
    /// contact (only the values given); without one it is a new contact, which needs firstName,
    /// lastName and email (23017 when one is missing).
    /// </summary>
    internal sealed class IvvyContactInput
    {
        private IvvyContactInput(long? id, string? firstName, string? lastName, string? email, string? phone)
        {
            Id = id;
            FirstName = firstName;
            LastName = lastName;
            Email = email;
            Phone = phone;
        }

        public long? Id { get; }

        public bool IsNew => !Id.HasValue;

        public string? FirstName { get; }

        public string? LastName { get; }

        public string? Email { get; }

        public string? Phone { get; }

        public static IvvyContactInput Parse(JObject source, string path)
        {
            var id = IvvyParameters.WholeNumber(source, "id", path + ".id");
            var isNew = !id.HasValue;
            var firstName = Name(source, "firstName", path, isNew);
            var lastName = Name(source, "lastName", path, isNew);
            var email = IvvyParameters.Email(source, "email", path + ".email");
            if (isNew && email == null)
            {
                throw IvvyApiError.Missing(path + ".email").ToException();
            }

            var phone = IvvyParameters.Text(source, "phone", path + ".phone");
            return new IvvyContactInput(id, firstName, lastName, email, phone);
        }

        private static string? Name(JObject source, string key, string path, bool required)
        {
            if (required)
            {
                return IvvyParameters.RequiredText(source, key, path + "." + key);
            }

            var value = IvvyParameters.Text(source, key, path + "." + key);
            return value != null && value.Trim().Length == 0
                ? throw IvvyApiError.Invalid(path + "." + key, "Value must not be empty").ToException()
                : value;
        }
    }
}
