using System.Management.Automation;
using LeadPS.Tests.Infrastructure;

namespace LeadPS.Tests.Commands;

/// <summary>
/// Bad inputs through the cmdlets: each gives one clear, typed error naming the problem, sends
/// nothing, and does not end the pipeline.
/// </summary>
public sealed class BadInputCorpusTests : IDisposable
{
    private const string Huge = "('9' * 5000)";

    private readonly SandboxSession _s = new();

    public void Dispose() => _s.Dispose();

    // (connection, command, input expression, expected ErrorId, expected FieldName or null)
    public static TheoryData<string, string, string, string, string?> Corpus => new()
    {
        // Not a lead at all.
        { "copper", "Invoke-LeadUpsert", "@{}", "LeadRequestEmpty", null },
        { "copper", "Invoke-LeadUpsert", "$null", "LeadRequestEmpty", null },
        { "copper", "Invoke-LeadUpsert", "'just a string'", "LeadInvalid", null },
        { "copper", "Invoke-LeadUpsert", "42", "LeadInvalid", null },
        { "ivvy", "Set-Lead", "[pscustomobject]@{}", "LeadRequestEmpty", null },
        // Copper: missing, wrong type, out of range, unknown options.
        { "copper", "Invoke-LeadUpsert", "@{ name = 'No email' }", "LeadInvalid", "email" },
        { "copper", "Set-Lead", "@{ email = 'nameless@example.test' }", "LeadInvalid", "name" },
        { "copper", "Invoke-LeadUpsert", "@{ name = 'x'; email = 'not-an-address' }", "LeadInvalid", "email" },
        { "copper", "Invoke-LeadUpsert", "@{ name = 'x'; email = 'two@@example.test' }", "LeadInvalid", "email" },
        { "copper", "Invoke-LeadUpsert", "@{ name = 'x'; email = @{ email = 'a@example.test'; category = 'galactic' } }", "LeadInvalid", "email.category" },
        { "copper", "Invoke-LeadUpsert", "@{ name = 'x'; email = 'a@example.test'; monetary_value = 'lots' }", "LeadInvalid", "monetary_value" },
        { "copper", "Invoke-LeadUpsert", "@{ name = 'x'; email = 'a@example.test'; monetary_value = '1,5' }", "LeadInvalid", "monetary_value" },
        { "copper", "Invoke-LeadUpsert", "@{ name = 'x'; email = 'a@example.test'; assignee_id = -5 }", "LeadInvalid", "assignee_id" },
        { "copper", "Invoke-LeadUpsert", "@{ name = 'x'; email = 'a@example.test'; assignee_id = '99999999999999999999' }", "LeadInvalid", "assignee_id" },
        { "copper", "Invoke-LeadUpsert", "@{ name = 'x'; email = 'a@example.test'; status_id = 'abc' }", "LeadInvalid", "status_id" },
        { "copper", "Invoke-LeadUpsert", "@{ name = 'x'; email = 'a@example.test'; assignee_id = 4.5 }", "LeadInvalid", "assignee_id" },
        { "copper", "Invoke-LeadUpsert", "@{ name = 'x'; email = 'a@example.test'; Industry = 'Aerospace' }", "LeadInvalid", "Industry" },
        { "copper", "Invoke-LeadUpsert", "@{ name = 'x'; email = 'a@example.test'; Interests = 'Webinars;Skydiving' }", "LeadInvalid", "Interests" },
        { "copper", "Invoke-LeadUpsert", "@{ name = 'x'; email = 'a@example.test'; 'Expected Close Date' = '31/05/2024' }", "LeadInvalid", "Expected Close Date" },
        { "copper", "Invoke-LeadUpsert", "@{ name = 'x'; email = 'a@example.test'; 'Estimated Budget' = 'NaN' }", "LeadInvalid", "Estimated Budget" },
        { "copper", "Invoke-LeadUpsert", "@{ name = 'x'; email = 'a@example.test'; 'Account Tier' = 'Gold' }", "LeadInvalid", "Account Tier" },
        { "copper", "Invoke-LeadUpsert", "@{ name = 'x'; email = 'a@example.test'; phone_numbers = @(@{ number = '555 0100'; category = 'satellite' }) }", "LeadInvalid", "phone_numbers.category" },
        { "copper", "Invoke-LeadUpsert", "@{ name = 'x'; email = 'a@example.test'; phone = 'no digits' }", "LeadInvalid", "phone_numbers" },
        { "copper", "Invoke-LeadUpsert", "@{ name = \"a$([char]0)b\"; email = 'a@example.test' }", "LeadInvalid", "name" },
        { "copper", "Invoke-LeadUpsert", "@{ name = 'x'; email = 'a@example.test'; company = 'A'; company_name = 'B' }", "LeadInvalid", "company_name" },
        { "copper", "Invoke-LeadUpsert", "@{ name = 'x'; email = 'a@example.test'; address = @{ street = '1 Main St' }; city = 'Paris' }", "LeadInvalid", "address" },
        { "copper", "Invoke-LeadUpsert", "@{ name = 'x'; email = 'a@example.test'; custom_fields = $null }", "LeadInvalid", "custom_fields" },
        { "copper", "Invoke-LeadUpsert", "@{ name = 'x'; email = 'a@example.test'; websites = @(@{ url = 'https://x.example'; category = 'bogus' }) }", "LeadInvalid", "websites.category" },
        { "copper", "Invoke-LeadUpsert", $"@{{ name = 'x'; email = 'a@example.test'; monetary_value = {Huge} }}", "LeadInvalid", "monetary_value" },
        { "copper", "Invoke-LeadUpsert", "@{ name = 'x'; email = 'a@example.test'; 'Lead Reference' = 'a'; 100764 = 'b' }", "LeadInvalid", "Lead Reference" },
        { "copper", "Set-Lead", "[pscustomobject]@{ Id = 'abc'; Name = 'x' }", "LeadInvalid", "id" },
        // iVvy: the required-when rules, types, ranges, nested objects.
        { "ivvy", "Set-Lead", "@{ contactId = 208; industryId = 22; sourceId = 31; typeId = 43; stageId = 51 }", "LeadInvalid", "name" },
        { "ivvy", "Set-Lead", "@{ name = 'x'; contactId = 208; industryId = 22; typeId = 43; stageId = 51 }", "LeadInvalid", "sourceId" },
        { "ivvy", "Set-Lead", "@{ name = 'x'; contactId = 208; industryId = 22; sourceId = 31; stageId = 51 }", "LeadInvalid", "typeId" },
        { "ivvy", "Set-Lead", "@{ name = 'Zoë 李'; contactId = 208; industryId = 22; sourceId = 31; typeId = 43 }", "LeadInvalid", "stageId" },
        { "ivvy", "Set-Lead", "@{ name = 'x'; contactId = 208; sourceId = 31; typeId = 43; stageId = 51 }", "LeadInvalid", "industryId" },
        { "ivvy", "Set-Lead", "@{ name = 'x'; industryId = 22; sourceId = 31; typeId = 43; stageId = 51 }", "LeadInvalid", "contactId" },
        { "ivvy", "Set-Lead", "@{ name = 'x'; companyId = 101; sourceId = 31; typeId = 43; stageId = 51 }", "LeadInvalid", "companyLeadContactId" },
        { "ivvy", "Set-Lead", "@{ name = 'x'; contactId = 208; industryId = 22; sourceId = '4.5'; typeId = 43; stageId = 51 }", "LeadInvalid", "sourceId" },
        { "ivvy", "Set-Lead", "@{ name = 'x'; contactId = 208; industryId = 22; sourceId = 'abc'; typeId = 43; stageId = 51 }", "LeadInvalid", "sourceId" },
        { "ivvy", "Set-Lead", "@{ name = 'x'; contactId = 208; industryId = 22; sourceId = -3; typeId = 43; stageId = 51 }", "LeadInvalid", "sourceId" },
        { "ivvy", "Set-Lead", "@{ name = 'x'; contactId = '99999999999999999999'; industryId = 22; sourceId = 31; typeId = 43; stageId = 51 }", "LeadInvalid", "contactId" },
        { "ivvy", "Set-Lead", "@{ name = 'x'; contact = @{ firstName = 'A'; lastName = 'B' }; industryId = 22; sourceId = 31; typeId = 43; stageId = 51 }", "LeadInvalid", "contact.email" },
        { "ivvy", "Set-Lead", "@{ name = 'x'; contact = @{ firstName = 'A'; lastName = 'B'; email = 'nope' }; industryId = 22; sourceId = 31; typeId = 43; stageId = 51 }", "LeadInvalid", "contact.email" },
        { "ivvy", "Set-Lead", "@{ name = 'x'; contactId = 208; industryId = 22; sourceId = 31; typeId = 43; stageId = 51; customFields = @(@{ fieldId = 81 }) }", "LeadInvalid", "customFields" },
        { "ivvy", "Set-Lead", "@{ name = 'x'; contactId = 208; industryId = 22; sourceId = 31; typeId = 43; stageId = 51; customFields = 'text' }", "LeadInvalid", "customFields" },
        { "ivvy", "Set-Lead", "@{ name = @('a', 'b'); contactId = 208; industryId = 22; sourceId = 31; typeId = 43; stageId = 51 }", "LeadInvalid", "name" },
        { "ivvy", "Set-Lead", "@{ name = 'x'; description = @{ x = 1 }; contactId = 208; industryId = 22; sourceId = 31; typeId = 43; stageId = 51 }", "LeadInvalid", "description" },
        { "ivvy", "Set-Lead", "[pscustomobject]@{ Name = 'x'; StageId = 'first' }", "LeadInvalid", "stageId" },
        { "ivvy", "Invoke-LeadUpsert -MatchField name", "@{ description = 'no name to match on' }", "LeadInvalid", "name" },
        { "ivvy", "Invoke-LeadUpsert -MatchField email", "@{ name = 'x'; contactId = 208 }", "LeadInvalid", "contact.email" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Each_bad_input_gives_one_typed_error_and_sends_nothing(string connection, string command, string input, string errorId, string? fieldName)
    {
        var sandbox = connection == "copper" ? _s.CopperSandbox : _s.IvvySandbox;
        var before = sandbox.Requests.TotalCount;

        var result = _s.Run($"$in = {input}; ,$in | ForEach-Object {{ $_ }} | {command} -Connection ${connection}; 'pipeline continued'");

        Assert.Null(result.TerminatingRecord);
        Assert.Equal("pipeline continued", Assert.Single(result.Output).ToString());
        var record = Assert.Single(result.Errors);
        Assert.Equal(errorId, record.FullyQualifiedErrorId.Split(',')[0]);
        Assert.False(string.IsNullOrWhiteSpace(record.Exception.Message));
        if (fieldName != null)
        {
            var validation = Assert.IsType<LeadValidationException>(record.Exception);
            Assert.Equal(fieldName, validation.FieldName);
        }

        Assert.Equal(before, sandbox.Requests.TotalCount);
    }

    [Fact]
    public void The_corpus_is_large_enough() => Assert.True(Corpus.Count() >= 40);

    [Fact]
    public void A_batch_of_bad_inputs_and_one_good_one_gives_one_error_each_and_the_good_lead()
    {
        var bad = Corpus.Where(c => (string)c[0] == "copper" && (string)c[1] == "Invoke-LeadUpsert").Select(c => (string)c[2]).ToList();
        var script = "$inputs = @(" + string.Join(", ", bad.Select(b => "(," + b + ")")) + ", (,@{ name = 'Good'; email = 'good@example.test' }))\n"
            + "$inputs | ForEach-Object { $_[0] } | Invoke-LeadUpsert -Connection $copper -MatchField email";

        var result = _s.Run(script);

        Assert.Null(result.TerminatingRecord);
        Assert.Equal("Good", ((CopperLead)Assert.Single(result.Output).BaseObject).Name);
        Assert.Equal(bad.Count, result.Errors.Count);
    }
}
