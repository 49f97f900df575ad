using Newtonsoft.Json.Linq;

namespace LeadPS.Mapping
{
    /// <summary>The input read and converted, before add-or-update rules are applied.</summary>
    internal sealed class IvvyLeadReading
    {
        /// <summary>Every parameter except <c>id</c>, in the order the input gave them.</summary>
        internal JObject Fields { get; } = new JObject();

        internal long? Id { get; set; }

        internal string? Name { get; set; }

        internal PropertyNameList Unknown { get; } = new PropertyNameList();

        /// <summary>The fields that could not be read, all of them.</summary>
        internal FieldErrorList Errors { get; } = new FieldErrorList();

        /// <summary>Present with a value: an explicit null is not a value for the required-field rules.</summary>
        internal bool Has(string name) => Fields[name] != null && Fields[name]!.Type != JTokenType.Null;

        /// <summary>A nested object with at least one key holding a value.</summary>
        internal bool HasNested(string name) =>
            Fields[name] is JObject nested && nested.PropertyValues().GetEnumerator().MoveNext();

        internal bool HasNestedValue(string name, string key) =>
            Fields[name] is JObject nested && nested[key] != null && nested[key]!.Type != JTokenType.Null;

        /// <summary>The nested object, created where it first appears in the input.</summary>
        internal JObject Nested(string name)
        {
            if (!(Fields[name] is JObject nested))
            {
                nested = new JObject();
                Fields[name] = nested;
            }

            return nested;
        }

        /// <summary>The body: <c>id</c> first when updating, then the fields.</summary>
        internal JObject BuildBody(long? id)
        {
            var body = new JObject();
            if (id != null)
            {
                body["id"] = id.Value;
            }

            foreach (var property in Fields.Properties())
            {
                body[property.Name] = property.Value.DeepClone();
            }

            return body;
        }
    }
}
