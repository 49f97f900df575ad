using System.Collections.Generic;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>One <c>{fieldId, fieldValue}</c> item of <c>customFields</c>; both keys are required (23017).</summary>
    internal sealed class IvvyCustomFieldInput
    {
        private IvvyCustomFieldInput(int index, long fieldId, JValue fieldValue)
        {
            Index = index;
            FieldId = fieldId;
            FieldValue = fieldValue;
        }

        /// <summary>Position in the request's array, for messages such as <c>'customFields[1].fieldId'</c>.</summary>
        public int Index { get; }

        public long FieldId { get; }

        public JValue FieldValue { get; }

        public static IReadOnlyList<IvvyCustomFieldInput> ParseAll(JArray items, string path)
        {
            var result = new List<IvvyCustomFieldInput>();
            for (var i = 0; i < items.Count; i++)
            {
                var item = (JObject)items[i];
                var itemPath = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                var fieldId = IvvyParameters.WholeNumber(item, "fieldId", itemPath + ".fieldId")
                    ?? throw IvvyApiError.Missing(itemPath + ".fieldId").ToException();
                var value = IvvyParameters.Value(item, "fieldValue")
                    ?? throw IvvyApiError.Missing(itemPath + ".fieldValue").ToException();
                if (!(value is JValue scalar) || !IsScalar(value.Type))
                {
                    throw IvvyApiError.Invalid(itemPath + ".fieldValue", "Value must be a string, number or boolean").ToException();
                }

                result.Add(new IvvyCustomFieldInput(i, fieldId, (JValue)scalar.DeepClone()));
            }

            return result;
        }

        private static bool IsScalar(JTokenType type) =>
            type == JTokenType.String || type == JTokenType.Integer || type == JTokenType.Float || type == JTokenType.Boolean;
    }
}
