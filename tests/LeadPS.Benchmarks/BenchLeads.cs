using System.Collections;
using System.Globalization;
using Newtonsoft.Json.Linq;

namespace LeadPS.Benchmarks;

/// <summary>The leads the scenarios send: hashtables, as a runbook pipes them.</summary>
internal static class BenchLeads
{
    public static string Email(string prefix, int i) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{i}@bench.example");

    public static string Name(int i) => string.Create(CultureInfo.InvariantCulture, $"Bench Lead {i}");

    public static string Company(int i) => string.Create(CultureInfo.InvariantCulture, $"Company {i % 97}");

    /// <summary><paramref name="count"/> leads with distinct e-mails (each upsert creates a lead).</summary>
    public static List<Hashtable> Distinct(string prefix, int count)
    {
        var leads = new List<Hashtable>(count);
        for (var i = 0; i < count; i++)
        {
            leads.Add(new Hashtable { ["name"] = Name(i), ["email"] = Email(prefix, i), ["company"] = Company(i) });
        }

        return leads;
    }

    /// <summary>
    /// The body Invoke-LeadUpsert -MatchField email sends for <see cref="Distinct"/>'s lead
    /// <paramref name="i"/>: what the plain C# baseline sends (checked against the Sandbox's log).
    /// </summary>
    public static string UpsertBody(string prefix, int i)
    {
        var email = Email(prefix, i);
        var body = new JObject
        {
            ["properties"] = new JObject
            {
                ["name"] = Name(i),
                ["email"] = new JObject { ["email"] = email, ["category"] = "work" },
                ["company_name"] = Company(i),
            },
            ["match"] = new JObject { ["field_name"] = "email", ["field_value"] = email },
        };
        return body.ToString(Newtonsoft.Json.Formatting.None);
    }

    /// <summary>The number in the match e-mail of an upsert body sent for <paramref name="prefix"/>'s leads.</summary>
    public static string EmailOfBody(string body, string prefix)
    {
        var email = (string?)JObject.Parse(body)["match"]?["field_value"] ?? string.Empty;
        return email.StartsWith(prefix, StringComparison.Ordinal) ? email.Substring(prefix.Length, email.IndexOf('@') - prefix.Length) : "-1";
    }

    public static string? EmailOf(object? input)
    {
        var value = input is System.Management.Automation.PSObject ps ? ps.BaseObject : input;
        return (value as Hashtable)?["email"] as string;
    }
}
