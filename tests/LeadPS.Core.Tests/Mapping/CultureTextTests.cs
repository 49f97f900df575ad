using System.Globalization;
using LeadPS.Mapping;

namespace LeadPS.Core.Tests.Mapping
{
    public class CultureTextTests
    {
        private static readonly FieldRef Field = new("monetary_value");

        private static LeadValueConverter In(string culture) => new(LeadPlatform.Copper, CultureInfo.GetCultureInfo(culture));

        [Theory]
        [InlineData("en-US", "1,200", "1200")]
        [InlineData("en-US", "1,234,567.89", "1234567.89")]
        [InlineData("en-US", "-1,200.5", "-1200.5")]
        [InlineData("en-US", "12.5", "12.5")]
        [InlineData("de-DE", "1.234,5", "1234.5")]
        [InlineData("de-DE", "1,5", "1.5")]
        [InlineData("de-DE", "1234,5", "1234.5")]
        [InlineData("fr-FR", "1 234,5", "1234.5")]
        [InlineData("en-IN", "12,34,567", "1234567")]
        public void Numbers_read_the_culture_s_separators(string culture, string text, string expected) =>
            Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), In(culture).ToNumber(text, Field));

        [Theory]
        [InlineData("en-US", "1,20")]
        [InlineData("en-US", "1,2345")]
        [InlineData("en-US", "0,123")]
        [InlineData("de-DE", "1.5")]
        [InlineData("de-DE", "1234.5")]
        public void Misplaced_group_separators_are_refused_as_ambiguous(string culture, string text)
        {
            var error = TestLeads.Invalid(() => In(culture).ToNumber(text, Field), "monetary_value");
            Assert.Contains("is ambiguous", error.Message);
            Assert.Contains(culture, error.Message);
        }

        [Theory]
        [InlineData("en-US", "1.200,5")]
        [InlineData("de-DE", "abc")]
        [InlineData("en-US", "1,2.3.4")]
        public void Text_that_is_no_number_in_the_culture_is_refused(string culture, string text)
        {
            var error = TestLeads.Invalid(() => In(culture).ToNumber(text, Field), "monetary_value");
            Assert.EndsWith(" is not.", error.Message);
        }

        [Theory]
        [InlineData("en-GB", "31/05/2024", "2024-05-31T00:00:00Z")]
        [InlineData("en-GB", "1/5/2024", "2024-05-01T00:00:00Z")]
        [InlineData("en-GB", "31/05/2024 14:30", "2024-05-31T14:30:00Z")]
        [InlineData("en-US", "5/31/2024", "2024-05-31T00:00:00Z")]
        [InlineData("de-DE", "31.05.2024", "2024-05-31T00:00:00Z")]
        [InlineData("de-DE", "2024-05-31", "2024-05-31T00:00:00Z")]
        public void Dates_read_the_culture_s_patterns_and_iso_always(string culture, string text, string expected) =>
            Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture).ToUnixTimeSeconds(), In(culture).ToUnixSeconds(text, Field));

        [Fact]
        public void A_two_digit_year_is_refused_as_ambiguous()
        {
            var error = TestLeads.Invalid(() => In("en-GB").ToUnixSeconds("31/05/24", Field), "monetary_value");
            Assert.Contains("is ambiguous", error.Message);
            Assert.Contains("two digits", error.Message);
        }

        [Fact]
        public void A_date_of_another_culture_is_refused_naming_the_culture()
        {
            var error = TestLeads.Invalid(() => In("en-US").ToUnixSeconds("31/05/2024", Field), "monetary_value");
            Assert.Contains("as en-US writes it (such as 5/31/2024)", error.Message);
        }

        [Fact]
        public void Without_a_culture_local_dates_and_separators_are_refused_with_a_pointer_to_culture()
        {
            var invariant = new LeadValueConverter(LeadPlatform.Copper);
            Assert.Contains("-Culture", TestLeads.Invalid(() => invariant.ToUnixSeconds("31/05/2024", Field), "monetary_value").Message);
            Assert.Contains("-Culture", TestLeads.Invalid(() => invariant.ToNumber("1,200", Field), "monetary_value").Message);
            Assert.Equal(1200.5m, invariant.ToNumber("1200.5", Field));
        }

        [Fact]
        public void Text_is_trimmed()
        {
            Assert.Equal("Board dinner", new LeadValueConverter(LeadPlatform.Ivvy).ToText("  Board dinner \t", new FieldRef("name")));
        }
    }
}
