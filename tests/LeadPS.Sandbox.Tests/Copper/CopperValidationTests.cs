namespace LeadPS.Sandbox.Tests.Copper
{
    public sealed class CopperValidationTests
    {
        private const string Prefix = "Invalid input: Validation errors: ";
        private readonly CopperTestApi _api = new CopperTestApi();

        [Theory]
        [InlineData("\"email\":\"plain@example.test\"", "email: must be an object")]
        [InlineData("\"email\":{\"email\":\"not-an-address\",\"category\":\"work\"}", "email.email: must be a valid e-mail address")]
        [InlineData("\"email\":{\"email\":\"a@b.test\",\"category\":\"home\"}", "email.category: must be one of work, personal, other")]
        [InlineData("\"email\":{\"email\":\"a@b.test\"}", "email.category:")]
        [InlineData("\"email\":{\"email\":\"a@b.test\",\"category\":\"work\",\"primary\":true}", "email.primary: is not a known key")]
        [InlineData("\"phone_numbers\":\"555-0100\"", "phone_numbers: must be an array")]
        [InlineData("\"phone_numbers\":[\"555-0100\"]", "phone_numbers[0]: must be an object")]
        [InlineData("\"phone_numbers\":[{\"number\":\"555\",\"category\":\"fax\"}]", "phone_numbers[0].category: must be one of mobile, work, home, other")]
        [InlineData("\"phone_numbers\":[{\"number\":\"\",\"category\":\"work\"}]", "phone_numbers[0].number: can't be blank")]
        [InlineData("\"socials\":[{\"url\":\"https://x.test\",\"category\":\"myspace\"}]", "socials[0].category:")]
        [InlineData("\"websites\":[{\"category\":\"work\"}]", "websites[0].url: can't be blank")]
        [InlineData("\"websites\":{\"url\":\"https://x.test\",\"category\":\"work\"}", "websites: must be an array")]
        [InlineData("\"address\":\"1 Main St\"", "address: must be an object")]
        [InlineData("\"address\":{\"zip\":\"12345\"}", "address.zip: is not a known key")]
        [InlineData("\"address\":{\"city\":7}", "address.city: must be a string")]
        [InlineData("\"assignee_id\":\"137658\"", "assignee_id: must be an integer id")]
        [InlineData("\"assignee_id\":1", "assignee_id: 1 is not a user")]
        [InlineData("\"customer_source_id\":5", "customer_source_id: 5 is not a customer source")]
        [InlineData("\"customer_source_id\":331242.0", "customer_source_id: must be an integer id")]
        [InlineData("\"status_id\":1", "status_id: 1 is not a lead status")]
        [InlineData("\"status\":\"Won\"", "status: must be one of New, Unqualified, Contacted, Qualified")]
        [InlineData("\"monetary_value\":\"1000\"", "monetary_value: must be a number")]
        [InlineData("\"monetary_unit\":\"dollars\"", "monetary_unit: must be a three-letter currency code")]
        [InlineData("\"tags\":\"vip\"", "tags: must be an array of non-empty strings")]
        [InlineData("\"tags\":[\"vip\",7]", "tags: must be an array of non-empty strings")]
        [InlineData("\"title\":42", "title: must be a string")]
        [InlineData("\"company_name\":{}", "company_name: must be a string")]
        [InlineData("\"favourite_colour\":\"blue\"", "favourite_colour: is not a lead field")]
        [InlineData("\"custom_fields\":{\"100764\":\"x\"}", "custom_fields: must be an array")]
        [InlineData("\"custom_fields\":[{\"custom_field_definition_id\":999,\"value\":\"x\"}]", "custom_fields[0].custom_field_definition_id: 999 is not a custom field definition")]
        [InlineData("\"custom_fields\":[{\"custom_field_definition_id\":131211,\"value\":201101}]", "custom_fields[0].custom_field_definition_id: custom field definition 131211 (Account Tier) is not available on leads")]
        [InlineData("\"custom_fields\":[{\"custom_field_definition_id\":103481,\"value\":201101}]", "custom_fields[0].value: must be one of the option ids of Dropdown field 103481")]
        [InlineData("\"custom_fields\":[{\"custom_field_definition_id\":103481,\"value\":\"Retail\"}]", "custom_fields[0].value: must be one of the option ids")]
        [InlineData("\"custom_fields\":[{\"custom_field_definition_id\":131208,\"value\":201001}]", "custom_fields[0].value: must be an array of option ids")]
        [InlineData("\"custom_fields\":[{\"custom_field_definition_id\":131208,\"value\":[201001,167081]}]", "custom_fields[0].value: must contain only option ids")]
        [InlineData("\"custom_fields\":[{\"custom_field_definition_id\":128735,\"value\":\"2026-01-01\"}]", "custom_fields[0].value: must be a date in unix seconds")]
        [InlineData("\"custom_fields\":[{\"custom_field_definition_id\":128735,\"value\":1767225600.5}]", "custom_fields[0].value: must be a date in unix seconds")]
        [InlineData("\"custom_fields\":[{\"custom_field_definition_id\":131209,\"value\":\"12.5\"}]", "custom_fields[0].value: must be a number")]
        [InlineData("\"custom_fields\":[{\"custom_field_definition_id\":100764,\"value\":12}]", "custom_fields[0].value: must be a string")]
        [InlineData("\"custom_fields\":[{\"custom_field_definition_id\":100764,\"value\":\"a\"},{\"custom_field_definition_id\":100764,\"value\":\"b\"}]", "custom_fields[1].custom_field_definition_id: 100764 is given more than once")]
        [InlineData("\"custom_fields\":[{\"id\":100764,\"value\":\"a\"}]", "custom_fields[0].id: is not a known key")]
        public void Wrong_values_are_refused_naming_the_field(string field, string expected)
        {
            var message = _api.Send("POST", "/leads", "{\"name\":\"Valid Name\"," + field + "}").AssertError(422);

            Assert.StartsWith(Prefix, message);
            Assert.Contains(expected, message);
            Assert.Equal(0, _api.Emulator.LeadCount);
        }

        [Fact]
        public void Every_problem_of_a_body_is_reported_at_once()
        {
            var message = _api.Send("POST", "/leads", "{\"email\":\"x\",\"tags\":\"y\"}").AssertError(422);

            Assert.Contains("email:", message);
            Assert.Contains("tags:", message);
            Assert.Contains("name: can't be blank", message);
        }

        [Fact]
        public void Integers_too_large_for_64_bits_are_refused_not_crashed_on()
        {
            var message = _api.Send("POST", "/leads", "{\"name\":\"Big\",\"assignee_id\":123456789012345678901234567890}").AssertError(422);

            Assert.Contains("assignee_id: must be an integer id", message);
        }

        [Fact]
        public void Update_validates_with_the_same_rules()
        {
            var id = _api.Create(new { name = "Valid" });

            var message = _api.Send("PUT", "/leads/" + id, "{\"email\":{\"email\":\"a@b.test\",\"category\":\"fax\"}}").AssertError(422);

            Assert.Equal(Prefix + "email.category: must be one of work, personal, other", message);
            Assert.Null(_api.Emulator.GetLead(id)!.Email);
        }
    }
}
