using Newtonsoft.Json.Linq;

namespace LeadPS.Mapping
{
    /// <summary>
    /// Carries a value LeadPS has no schema for (a nested key iVvy may know, a custom field value
    /// given by id) into JSON unchanged: scalars as themselves, arrays as arrays, objects as objects.
    /// </summary>
    internal static class PlainJson
    {
        internal static JToken From(object? value, FieldRef field, LeadValueConverter converter)
        {
            switch (value)
            {
                case null:
                    return JValue.CreateNull();
                case bool flag:
                    return new JValue(flag);
                case string _:
                    return new JValue(converter.ToText(value, field));
                case double _:
                case float _:
                case decimal _:
                case sbyte _:
                case byte _:
                case short _:
                case ushort _:
                case int _:
                case uint _:
                case long _:
                case ulong _:
                    return JsonNumber.From(converter.ToNumber(value, field));
            }

            if (ValueShape.TryGetRecord(value, out var record))
            {
                var result = new JObject();
                var keys = new SlotTracker(converter);
                foreach (var pair in record)
                {
                    var child = field.Child(pair.Key);
                    keys.Claim(pair.Key, pair.Key, child);
                    result[pair.Key] = From(pair.Value, child, converter);
                }

                return result;
            }

            if (ValueShape.TryGetList(value, out var items))
            {
                var array = new JArray();
                foreach (var item in items)
                {
                    array.Add(From(item, field, converter));
                }

                return array;
            }

            return new JValue(converter.ToText(value, field));
        }
    }
}
