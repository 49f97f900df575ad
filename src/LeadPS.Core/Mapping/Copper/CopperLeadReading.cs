using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace LeadPS.Mapping
{
    /// <summary>The input read and converted, before the rules of a particular request are applied.</summary>
    internal sealed class CopperLeadReading
    {
        internal JObject Properties { get; } = new JObject();

        internal List<CopperCustomFieldValue> CustomFields { get; } = new List<CopperCustomFieldValue>();

        internal long? Id { get; set; }

        internal string? Name { get; set; }

        internal PropertyNameList Unknown { get; } = new PropertyNameList();

        internal PropertyNameList ReadOnly { get; } = new PropertyNameList();

        /// <summary>The fields that could not be read, all of them.</summary>
        internal FieldErrorList Errors { get; } = new FieldErrorList();

        /// <summary>The lead fields to send: the properties, then <c>custom_fields</c> when any were given.</summary>
        internal JObject BuildLeadFields()
        {
            var fields = (JObject)Properties.DeepClone();
            if (CustomFields.Count > 0)
            {
                var array = new JArray();
                foreach (var value in CustomFields)
                {
                    array.Add(value.ToJson());
                }

                fields["custom_fields"] = array;
            }

            return fields;
        }
    }
}
