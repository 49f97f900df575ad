using Newtonsoft.Json.Linq;
using static LeadPS.Core.Tests.Mapping.TestLeads;

namespace LeadPS.Core.Tests.Mapping
{
    /// <summary>Import-Csv rows: every value is a string and an empty cell is "".</summary>
    public class CsvRowTests
    {
        private const string CopperHeader = "Name|Email|Phone|Company|Street|City|State|Postal Code|Country|Monetary Value|Tags|Status|Lead Score|Priority|Interests|Renewal Date|Is VIP|Shoe Size";

        [Fact]
        public void A_full_copper_row_maps_every_column()
        {
            var lead = CopperMapper().MapLead(CsvRow(CopperHeader,
                "Zoë Ñúñez|zoe@example.test|+61 2 9999 0000;0400 000 000|Acme|1 George St|Sydney|NSW|2000|AU|1500.50|vip;expo|New|87|High|Golf;Tennis|2024-05-01|yes|44"));

            Assert.Equal(
                """{"name":"Zoë Ñúñez","email":{"email":"zoe@example.test","category":"work"},"phone_numbers":[{"number":"+61 2 9999 0000","category":"work"},{"number":"0400 000 000","category":"work"}],"company_name":"Acme","address":{"street":"1 George St","city":"Sydney","state":"NSW","postal_code":"2000","country":"AU"},"monetary_value":1500.5,"tags":["vip","expo"],"status":"New","custom_fields":[{"custom_field_definition_id":100764,"value":87},{"custom_field_definition_id":100765,"value":1},{"custom_field_definition_id":100766,"value":[11,12]},{"custom_field_definition_id":100767,"value":1714521600},{"custom_field_definition_id":100768,"value":true}]}""",
                lead.Json);
            Assert.Equal(new[] { "Shoe Size" }, lead.UnknownProperties);
        }

        [Fact]
        public void Empty_copper_cells_are_omitted_not_sent_as_clears()
        {
            var lead = CopperMapper().MapLead(CsvRow(CopperHeader, "Bob|||||||||||||||||"));
            Assert.Equal("""{"name":"Bob"}""", lead.Json);
            Assert.Equal(new[] { "Shoe Size" }, lead.UnknownProperties);
        }

        [Fact]
        public void A_copper_update_row_with_an_id_column()
        {
            var lead = CopperMapper().MapLead(CsvRow("Id|Name|Status Id|Monetary Value", "8982702||208231|"));
            Assert.Equal(8982702L, lead.Id);
            Assert.Equal("""{"status_id":208231}""", lead.Json);
        }

        [Fact]
        public void A_copper_upsert_row_matches_on_a_custom_field_column()
        {
            var body = Body(CopperMapper().MapUpsert(CsvRow("Name|Account Code|Priority", "Acme lead|AC-77|medium"), "account code"));
            Assert.Equal(100773L, (long)body["match"]!["field_value"]!["custom_field_definition_id"]!);
            Assert.Equal("AC-77", (string?)body["match"]!["field_value"]!["value"]);
        }

        [Fact]
        public void A_bad_copper_cell_names_its_column()
        {
            var error = Invalid(() => CopperMapper().MapLead(CsvRow("Name|Monetary Value", "Bob|1,500")), "monetary_value");
            Assert.Equal("The field 'monetary_value' (given as 'Monetary Value') must be a number; '1,500' is not. To read thousands separators, decimal commas or local dates, give the culture, e.g. -Culture en-GB.", error.Message);
        }

        private const string IvvyHeader = "Name|Source Id|Type Id|Stage Id|Contact Id|Industry Id|Quality Id|Owner User Id|Channel|Description|contact.firstName|contact.lastName|contact.email|customFields.12|Notes";

        [Fact]
        public void A_full_ivvy_contact_lead_row()
        {
            var lead = IvvyMapper().MapLead(CsvRow(IvvyHeader, "Expo lead|1|2|3|4|5|6|7|8|Met at the expo 🎉|||||call back"));
            Assert.Equal(
                """{"name":"Expo lead","sourceId":1,"typeId":2,"stageId":3,"contactId":4,"industryId":5,"qualityId":6,"ownerUserId":7,"channelId":8,"description":"Met at the expo 🎉"}""",
                lead.Json);
            Assert.Equal(new[] { "Notes" }, lead.UnknownProperties);
        }

        [Fact]
        public void An_ivvy_row_creating_its_contact_from_dotted_columns()
        {
            var lead = IvvyMapper().MapLead(CsvRow(IvvyHeader, "Expo lead|1|2|3||5||||| Ann |Lee|ann@example.test|Gold|"));
            var body = Body(lead);
            Assert.Null(body["contactId"]);
            // Text is trimmed: ' Ann ' is stored as the platforms match it.
            Assert.Equal("""{"firstName":"Ann","lastName":"Lee","email":"ann@example.test"}""", body["contact"]!.ToString(Newtonsoft.Json.Formatting.None));
            Assert.Equal("""[{"fieldId":12,"fieldValue":"Gold"}]""", body["customFields"]!.ToString(Newtonsoft.Json.Formatting.None));
        }

        [Fact]
        public void An_ivvy_row_missing_the_contact_names_it()
        {
            var error = Invalid(() => IvvyMapper().MapLead(CsvRow(IvvyHeader, "Expo lead|1|2|3||5|||||||||")), "contactId");
            Assert.Contains("'contactId' is missing", error.Message);
        }

        [Fact]
        public void An_ivvy_update_row_with_only_an_id_and_blanks_is_refused() =>
            Invalid(() => IvvyMapper().MapLead(CsvRow("Id|Name|Stage Id", "12||")), null);

        [Theory]
        [InlineData("4.5", "sourceId")]
        [InlineData("abc", "sourceId")]
        [InlineData("-1", "sourceId")]
        [InlineData("99999999999999999999", "sourceId")]
        public void A_bad_ivvy_id_cell_names_the_parameter(string cell, string field)
        {
            var error = Invalid(() => IvvyMapper().MapLead(CsvRow(IvvyHeader, "Expo lead|" + cell + "|2|3|4|5|||||||||")), field);
            Assert.Contains("(given as 'Source Id')", error.Message);
        }

        [Fact]
        public void Csv_ids_are_64_bit() =>
            Assert.Equal(9_000_000_000_000L, (long)Body(IvvyMapper().MapLead(CsvRow("Id|Stage Id", "9000000000000|3")))["id"]!);
    }
}
