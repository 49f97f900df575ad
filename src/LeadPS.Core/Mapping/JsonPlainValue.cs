using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace LeadPS.Mapping
{
    /// <summary>Turns a converted JSON value back into plain .NET values, for public results.</summary>
    internal static class JsonPlainValue
    {
        internal static object? From(JToken? token)
        {
            switch (token?.Type)
            {
                case null:
                case JTokenType.Null:
                case JTokenType.Undefined:
                    return null;
                case JTokenType.Integer:
                    return (long)token;
                case JTokenType.Float:
                    return (decimal)token;
                case JTokenType.Boolean:
                    return (bool)token;
                case JTokenType.Array:
                    return token.Select(From).ToArray();
                case JTokenType.Object:
                    return ((JObject)token).Properties().ToDictionary(p => p.Name, p => From(p.Value));
                default:
                    return token.ToString();
            }
        }
    }
}
