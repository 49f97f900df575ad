using LeadPS.Mapping;
using Newtonsoft.Json.Linq;

namespace LeadPS.Core.Tests.Mapping
{
    /// <summary>Builds inputs the way the PowerShell layer hands them over.</summary>
    internal static class TestLeads
    {
        /// <summary>The custom field definitions of a made-up Copper account, as GET /custom_field_definitions returns them.</summary>
        public const string SchemaJson = """
            [
              {"id":100764,"name":"Lead Score","data_type":"Float","available_on":["lead","person"],"is_filterable":true},
              {"id":100765,"name":"Priority","data_type":"Dropdown","available_on":["lead"],"is_filterable":true,
               "options":[{"id":1,"name":"High","rank":0},{"id":2,"name":"Medium","rank":1},{"id":3,"name":"Low","rank":2}]},
              {"id":100766,"name":"Interests","data_type":"MultiSelect","available_on":["lead"],"is_filterable":false,
               "options":[{"id":11,"name":"Golf"},{"id":12,"name":"Tennis"},{"id":13,"name":"Chess, Go"}]},
              {"id":100767,"name":"Renewal Date","data_type":"Date","available_on":["lead"],"is_filterable":true},
              {"id":100768,"name":"Is VIP","data_type":"Checkbox","available_on":["lead"],"is_filterable":true},
              {"id":100769,"name":"Budget","data_type":"Currency","available_on":["lead"],"is_filterable":false},
              {"id":100770,"name":"Win Chance","data_type":"Percentage","available_on":["lead"],"is_filterable":false},
              {"id":100771,"name":"Notes","data_type":"Text","available_on":["lead"],"is_filterable":false},
              {"id":100772,"name":"Homepage","data_type":"URL","available_on":["lead"],"is_filterable":false},
              {"id":100773,"name":"Account Code","data_type":"String","available_on":["lead","company"],"is_filterable":true},
              {"id":100774,"name":"Person Only","data_type":"String","available_on":["person"],"is_filterable":true},
              {"id":100775,"name":"Linked Deal","data_type":"Connect","available_on":["lead"],"is_filterable":false}
            ]
            """;

        public static CopperSchema Schema() => CopperSchema.Parse(SchemaJson);

        public static CopperLeadMapper CopperMapper(IEnumerable<string>? ignored = null) => new CopperLeadMapper(Schema(), ignored);

        public static IvvyLeadMapper IvvyMapper(IEnumerable<string>? ignored = null) => new IvvyLeadMapper(ignored);

        public static List<KeyValuePair<string, object?>> Of(params (string Key, object? Value)[] pairs) =>
            pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)).ToList();

        /// <summary>An Import-Csv row: every value a string, blank cells as "". Columns split on '|'.</summary>
        public static List<KeyValuePair<string, object?>> CsvRow(string header, string row)
        {
            var names = header.Split('|');
            var cells = row.Split('|');
            Assert.Equal(names.Length, cells.Length);
            return names.Select((n, i) => new KeyValuePair<string, object?>(n, cells[i])).ToList();
        }

        /// <summary>A nested hashtable, like @{ email = '...'; category = 'home' }.</summary>
        public static System.Collections.Hashtable Table(params (string Key, object? Value)[] pairs)
        {
            var table = new System.Collections.Hashtable(StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in pairs)
            {
                table[key] = value;
            }

            return table;
        }

        /// <summary>A nested ordered object (like [ordered]@{} or a PSCustomObject unwrapped), keys kept as given even if they differ only in case.</summary>
        public static List<KeyValuePair<string, object?>> Record(params (string Key, object? Value)[] pairs) => Of(pairs);

        public static JObject Body(MappedLead lead) => JObject.Parse(lead.Json);

        public static LeadValidationException Invalid(Action action, string? field)
        {
            var error = Assert.Throws<LeadValidationException>(action);
            Assert.Equal(field, error.FieldName);
            Assert.Equal(LeadErrorKind.Invalid, error.ErrorKind);
            return error;
        }
    }
}
