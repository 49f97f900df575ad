using Newtonsoft.Json.Linq;

namespace LeadPS.Sandbox.Ivvy
{
    /// <summary>Small helpers so absent values render as JSON null.</summary>
    internal static class IvvyJsonValues
    {
        public static JToken Of(long? value) => value.HasValue ? new JValue(value.Value) : JValue.CreateNull();

        public static JToken Of(string? value) => value != null ? new JValue(value) : JValue.CreateNull();
    }
}
