namespace LeadPS.Sandbox.Tests.Copper
{
    /// <summary>The examples of seed 000_0f4e0bd7aac1a72b (UPSERT a Lead), byte for byte.</summary>
    internal static class CopperSeed
    {
        /// <summary>The seed's request body, trailing blanks included.</summary>
        public const string UpsertBody =
            "{ \n"
            + "  \"properties\": { \n"
            + "    \"name\": \"My Lead\", \n"
            + "    \"email\": { \n"
            + "      \"email\": \"mylead@gmail.test\", \n"
            + "      \"category\": \"work\" \n"
            + "    } \n"
            + "  }, \n"
            + "  \"match\": { \n"
            + "    \"field_name\": \"email\", \n"
            + "    \"field_value\": \"mylead@gmail.test\" \n"
            + "  } \n"
            + "}";

        /// <summary>The seed's 200 response: the complete shape of a lead.</summary>
        public const string UpsertResponse =
            "{\"id\":8982702,\"name\":\"My Lead\",\"prefix\":null,\"first_name\":\"My\",\"last_name\":\"Lead\",\"middle_name\":null,\"suffix\":null,\"address\":null,\"assignee_id\":null,\"company_name\":null,\"customer_source_id\":null,\"details\":null,\"email\":{\"email\":\"mylead@gmail.test\",\"category\":\"work\"},\"interaction_count\":0,\"monetary_unit\":null,\"monetary_value\":null,\"socials\":[],\"status\":\"New\",\"status_id\":208231,\"tags\":[],\"title\":null,\"websites\":[],\"phone_numbers\":[],\"custom_fields\":[{\"custom_field_definition_id\":100764,\"value\":null},{\"custom_field_definition_id\":103481,\"value\":null},{\"custom_field_definition_id\":128735,\"value\":null}],\"date_created\":1489531171,\"date_modified\":1512006056,\"date_last_contacted\":null}";
    }
}
