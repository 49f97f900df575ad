using LeadPS.Sandbox.Hosting;
using LeadPS.Sandbox.Ivvy;

namespace LeadPS.Sandbox.Tests.Ivvy;

/// <summary>SandboxOptions.IvvyLeadListFilters: getLeadList honours, ignores or refuses its filter.</summary>
public class IvvyLeadListFilterSupportTests
{
    private const string ByName = """{"filter":{"name":"acme offsite"}}""";

    [Fact]
    public void Honoured_by_default()
    {
        var ivvy = Emulator(new SandboxOptions());

        var reply = LeadList(ivvy, ByName);

        Assert.Equal(200, reply.Status);
        Assert.Equal(new[] { "Acme offsite" }, reply.Results.Select(r => (string)r["name"]!));
    }

    [Theory]
    [InlineData(ByName)]
    [InlineData("""{"filter":{"colour":"red"}}""")]
    public void Ignored_lists_every_lead_as_if_no_filter_had_been_sent(string body)
    {
        var ivvy = Emulator(new SandboxOptions { IvvyLeadListFilters = SandboxFilterSupport.Ignored });

        var reply = LeadList(ivvy, body);

        Assert.Equal(200, reply.Status);
        Assert.Equal(new[] { "Acme offsite", "Board dinner" }, reply.Results.Select(r => (string)r["name"]!));
        Assert.Equal(2, (int)reply.Body["meta"]!["totalResults"]!);
    }

    [Fact]
    public void Refused_answers_23016_naming_the_filter()
    {
        var ivvy = Emulator(new SandboxOptions { IvvyLeadListFilters = SandboxFilterSupport.Refused });

        var reply = LeadList(ivvy, ByName);

        Assert.Equal(400, reply.Status);
        Assert.Equal(23016, reply.SpecificCode);
        Assert.Equal("'filter' does not validate", reply.Message);
        Assert.Contains("IvvyLeadListFilters", Assert.Single(reply.AdditionalMessages));
    }

    [Theory]
    [InlineData("")]
    [InlineData("""{"perPage":1,"start":1}""")]
    [InlineData("""{"filter":{}}""")]
    public void Refused_still_lists_without_a_filter(string body)
    {
        var ivvy = Emulator(new SandboxOptions { IvvyLeadListFilters = SandboxFilterSupport.Refused });

        var reply = LeadList(ivvy, body);

        Assert.Equal(200, reply.Status);
        Assert.Equal(2, (int)reply.Body["meta"]!["totalResults"]!);
    }

    [Fact]
    public void The_other_lists_keep_their_filters()
    {
        var ivvy = Emulator(new SandboxOptions { IvvyLeadListFilters = SandboxFilterSupport.Refused });

        var reply = new IvvyReply(ivvy.Handle(IvvyTestApi.Signed("/api/1.0/contact?action=getContactList", """{"filter":{"firstName":"Zoe"}}""", IvvyTestApi.CurrentDate)));

        Assert.Equal(200, reply.Status);
        Assert.Equal(new[] { "Zoe" }, reply.Results.Select(r => (string)r["firstName"]!));
    }

    private static IvvyEmulator Emulator(SandboxOptions options)
    {
        options.IvvyApiKey = IvvyTestApi.ApiKey;
        options.IvvyApiSecret = IvvyTestApi.Secret;
        var ivvy = new IvvyEmulator(options, new SandboxClock(wallClock: () => IvvyTestApi.Now));
        ivvy.SeedLead("Acme offsite", IvvySeedIds.ContactJackTaylor);
        ivvy.SeedLead("Board dinner", IvvySeedIds.ContactZoeMartin);
        return ivvy;
    }

    private static IvvyReply LeadList(IvvyEmulator ivvy, string body) =>
        new(ivvy.Handle(IvvyTestApi.Signed("/api/1.0/crm?action=getLeadList", body, IvvyTestApi.CurrentDate)));
}
