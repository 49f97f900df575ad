using System.Globalization;
using LeadPS.Mapping;

namespace LeadPS.Core.Tests.Mapping
{
    public class LeadValueConverterTests
    {
        private static readonly LeadValueConverter Converter = new(LeadPlatform.Ivvy);
        private static readonly FieldRef Field = new("sourceId", "Source Id");

        public static TheoryData<object, long> GoodIds => new()
        {
            { "42", 42L },
            { " 42 ", 42L },
            { "+7", 7L },
            { "007", 7L },
            { 42, 42L },
            { 42L, 42L },
            { (short)3, 3L },
            { (byte)9, 9L },
            { 42.0d, 42L },
            { 42m, 42L },
            { 3u, 3L },
            { "9223372036854775807", long.MaxValue },
            { long.MaxValue, long.MaxValue },
        };

        [Theory]
        [MemberData(nameof(GoodIds))]
        public void Ids_convert_from_numbers_and_whole_number_text(object value, long expected) =>
            Assert.Equal(expected, Converter.ToPositiveId(value, Field));

        public static TheoryData<object?> BadIds => new()
        {
            "4.5", "42.0", "abc", "", " ", "0", "-3", "1e3", "0x10", "9223372036854775808", "99999999999999999999",
            0, -1, 4.5d, double.NaN, double.PositiveInfinity, 1e30, ulong.MaxValue, true, null, new object[] { 1 },
        };

        [Theory]
        [MemberData(nameof(BadIds))]
        public void Bad_ids_are_refused_naming_the_field(object? value)
        {
            var error = TestLeads.Invalid(() => Converter.ToPositiveId(value, Field), "sourceId");
            Assert.Contains("'sourceId' (given as 'Source Id') must be a positive whole number", error.Message);
            Assert.Equal(LeadPlatform.Ivvy, error.Platform);
        }

        [Fact]
        public void Out_of_range_ids_say_the_limit()
        {
            var error = TestLeads.Invalid(() => Converter.ToPositiveId("9223372036854775808", Field), "sourceId");
            Assert.Contains("no larger than 9223372036854775807", error.Message);
        }

        [Theory]
        [InlineData("1500", "1500")]
        [InlineData(" 1500.50 ", "1500.50")]
        [InlineData("-2.5", "-2.5")]
        [InlineData("1e3", "1000")]
        [InlineData("0", "0")]
        public void Numbers_parse_text_with_the_invariant_culture(string text, string expected) =>
            Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), Converter.ToNumber(text, Field));

        [Theory]
        [InlineData("abc")]
        [InlineData("1,5")]
        [InlineData("1,234.00")]
        [InlineData("$100")]
        [InlineData("NaN")]
        [InlineData("")]
        public void Text_that_is_not_an_invariant_number_is_refused(string text)
        {
            var error = TestLeads.Invalid(() => Converter.ToNumber(text, new FieldRef("monetary_value")), "monetary_value");
            var hint = text.Contains(',') ? " To read thousands separators, decimal commas or local dates, give the culture, e.g. -Culture en-GB." : string.Empty;
            Assert.Equal("The field 'monetary_value' must be a number; '" + text + "' is not." + hint, error.Message);
        }

        [Fact]
        public void Numbers_ignore_the_thread_culture()
        {
            var saved = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = new CultureInfo("de-DE");
                Assert.Equal(1.5m, Converter.ToNumber("1.5", Field));
                Assert.Throws<LeadValidationException>(() => Converter.ToNumber("1,5", Field));
            }
            finally
            {
                CultureInfo.CurrentCulture = saved;
            }
        }

        [Theory]
        [InlineData("true", true)]
        [InlineData("TRUE", true)]
        [InlineData(" yes ", true)]
        [InlineData("y", true)]
        [InlineData("on", true)]
        [InlineData("1", true)]
        [InlineData("false", false)]
        [InlineData("No", false)]
        [InlineData("n", false)]
        [InlineData("off", false)]
        [InlineData("0", false)]
        public void Booleans_read_common_spellings(string text, bool expected) =>
            Assert.Equal(expected, Converter.ToBoolean(text, Field));

        [Theory]
        [InlineData(true, true)]
        [InlineData(1, true)]
        [InlineData(0, false)]
        [InlineData(1L, true)]
        public void Booleans_read_bools_and_zero_or_one(object value, bool expected) =>
            Assert.Equal(expected, Converter.ToBoolean(value, Field));

        [Theory]
        [InlineData("maybe")]
        [InlineData("2")]
        [InlineData(2)]
        [InlineData("")]
        public void Other_booleans_are_refused(object value) =>
            TestLeads.Invalid(() => Converter.ToBoolean(value, Field), "sourceId");

        [Theory]
        [InlineData("2024-05-01", 1714521600L)]
        [InlineData("2024-05-01T09:00", 1714554000L)]
        [InlineData("2024-05-01T09:00:00Z", 1714554000L)]
        [InlineData("2024-05-01 09:00:00", 1714554000L)]
        [InlineData("2024-05-01T09:00:00.750Z", 1714554000L)]
        [InlineData("2024-05-01T09:00:00+10:00", 1714518000L)]
        [InlineData("2024-05-01T09:00:00-05:00", 1714572000L)]
        [InlineData("1714521600", 1714521600L)]
        [InlineData(" 1714521600 ", 1714521600L)]
        [InlineData("-86400", -86400L)]
        public void Date_text_is_iso_8601_or_unix_seconds_and_zone_less_means_utc(string text, long expected) =>
            Assert.Equal(expected, Converter.ToUnixSeconds(text, Field));

        [Fact]
        public void Date_values_convert_by_their_kind()
        {
            Assert.Equal(1714521600L, Converter.ToUnixSeconds(new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc), Field));
            Assert.Equal(1714521600L, Converter.ToUnixSeconds(new DateTime(2024, 5, 1), Field)); // Unspecified: UTC
            var local = new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Local);
            Assert.Equal(new DateTimeOffset(local).ToUnixTimeSeconds(), Converter.ToUnixSeconds(local, Field));
            Assert.Equal(1714518000L, Converter.ToUnixSeconds(new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.FromHours(10)), Field));
            Assert.Equal(1714521600L, Converter.ToUnixSeconds(1714521600, Field));
            Assert.Equal(1714521600L, Converter.ToUnixSeconds(1714521600L, Field));
            Assert.Equal(1714521600L, Converter.ToUnixSeconds(1714521600d, Field));
        }

        [Theory]
        [InlineData("31/05/2024")]
        [InlineData("05/31/2024")]
        [InlineData("May 31 2024")]
        [InlineData("2024-13-01")]
        [InlineData("2024-02-30")]
        [InlineData("1714521600000")]
        [InlineData("1714521600.5")]
        [InlineData("yesterday")]
        public void Ambiguous_or_impossible_dates_are_refused(string text)
        {
            var error = TestLeads.Invalid(() => Converter.ToUnixSeconds(text, new FieldRef("Renewal Date")), "Renewal Date");
            Assert.Contains("must be a date", error.Message);
        }

        [Theory]
        [InlineData(1714521600000L)]
        [InlineData(1714521600.5d)]
        [InlineData(true)]
        public void Millisecond_fractional_or_non_date_values_are_refused(object value) =>
            TestLeads.Invalid(() => Converter.ToUnixSeconds(value, Field), "sourceId");

        [Theory]
        [InlineData("bob@example.test", "bob@example.test")]
        [InlineData("  bob@example.test ", "bob@example.test")]
        [InlineData("o'brien+tag@sub.example.co.uk", "o'brien+tag@sub.example.co.uk")]
        [InlineData("jürgen@bücher.example", "jürgen@bücher.example")]
        [InlineData("用户@例子.广告", "用户@例子.广告")]
        public void Plausible_email_addresses_pass_untouched(string text, string expected) =>
            Assert.Equal(expected, Converter.ToEmailAddress(text, Field));

        [Theory]
        [InlineData("bob")]
        [InlineData("bob@")]
        [InlineData("@example.test")]
        [InlineData("bob@localhost")]
        [InlineData("bob@@example.test")]
        [InlineData("bob smith@example.test")]
        [InlineData("bob@example..test")]
        [InlineData("bob@example.test.")]
        [InlineData("Bob <bob@example.test>")]
        public void Implausible_email_addresses_are_refused(string text) =>
            TestLeads.Invalid(() => Converter.ToEmailAddress(text, new FieldRef("email")), "email");

        [Fact]
        public void Text_converts_scalars_with_the_invariant_culture()
        {
            Assert.Equal("4.5", Converter.ToText(4.5d, Field));
            Assert.Equal("42", Converter.ToText(42, Field));
            Assert.Equal("true", Converter.ToText(true, Field));
            Assert.Equal("2024-05-01T09:00:00Z", Converter.ToText(new DateTime(2024, 5, 1, 9, 0, 0, DateTimeKind.Utc), Field));
        }

        [Fact]
        public void Text_with_a_nul_character_is_refused()
        {
            var error = TestLeads.Invalid(() => Converter.ToText("Bob\0Smith", new FieldRef("name")), "name");
            Assert.Contains("NUL", error.Message);
        }

        [Fact]
        public void Arrays_and_objects_are_not_text()
        {
            var error = TestLeads.Invalid(() => Converter.ToText(new[] { "a" }, new FieldRef("name")), "name");
            Assert.Equal("The field 'name' must be text; an array is not.", error.Message);
            error = TestLeads.Invalid(() => Converter.ToText(TestLeads.Table(("a", 1)), new FieldRef("name")), "name");
            Assert.Equal("The field 'name' must be text; an object is not.", error.Message);
        }

        [Fact]
        public void Messages_shorten_huge_values_and_escape_control_characters()
        {
            var huge = new string('x', 100_000);
            var error = TestLeads.Invalid(() => Converter.ToNumber(huge, new FieldRef("monetary_value")), "monetary_value");
            Assert.True(error.Message.Length < 300, error.Message);
            Assert.Contains("(100000 characters)", error.Message);
            error = TestLeads.Invalid(() => Converter.ToNumber("1\u00072", new FieldRef("monetary_value")), "monetary_value");
            Assert.Contains("'1\\u00072'", error.Message);
        }

        [Fact]
        public void Messages_never_cut_a_surrogate_pair_in_half()
        {
            var text = new string('x', 59) + "🎉🎉";
            var described = ValueShape.Describe(text);
            Assert.DoesNotContain("\ud83c'", described);
            Assert.StartsWith("'" + new string('x', 59) + "…'", described);
        }
    }
}
