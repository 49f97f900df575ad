using System.Text;
using LeadPS.Ivvy;

namespace LeadPS.Core.Tests.Ivvy;

/// <summary>The worked examples of shared/api/ivvy.md, each exactly.</summary>
public class IvvySignatureTests
{
    private static readonly KeyValuePair<string, string>[] NoHeaders = Array.Empty<KeyValuePair<string, string>>();

    [Fact]
    public void Vector1_ivvy_own_example()
    {
        var body = Encoding.UTF8.GetBytes("{\"example\":\"body\"}");
        Assert.Equal(18, body.Length);

        var md5 = IvvySignature.ContentMd5(body);
        var toSign = IvvySignature.BuildStringToSign("POST", md5, "application/json", "/api/1.0/test?action=ping",
            new[] { new KeyValuePair<string, string>("IVVY-Date", "2012-04-03 22:23:24") });

        Assert.Equal("a09f600c77a6dbd947db24c61e8935ca", md5);
        Assert.Equal("posta09f600c77a6dbd947db24c61e8935caapplication/json/api/1.0/test?action=ping1.0ivvydate=2012-04-03 22:23:24", toSign);
        Assert.Equal("74af7ec6fec55dc88543e05096c69cebaf391eb9", IvvySignature.Sign(toSign, Encoding.UTF8.GetBytes("my secret key")));
    }

    [Fact]
    public void Vector2_hmac_self_check()
    {
        Assert.Equal("a993876ea1218921a1c8551923473da7b310dfae", IvvySignature.Sign("string to sign", Encoding.UTF8.GetBytes("my secret key")));
    }

    [Fact]
    public void Vector3_empty_body_with_charset_and_utc_suffix()
    {
        var md5 = IvvySignature.ContentMd5(Array.Empty<byte>());
        var toSign = IvvySignature.BuildStringToSign("POST", md5, "application/json; charset=utf-8", "/api/1.0/test?action=ping",
            new[] { new KeyValuePair<string, string>("IVVY-Date", "2024-01-02 03:04:05 UTC") });
        var signature = IvvySignature.Sign(toSign, Encoding.UTF8.GetBytes("testsecret1"));

        Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", md5);
        Assert.Equal("postd41d8cd98f00b204e9800998ecf8427eapplication/json; charset=utf-8/api/1.0/test?action=ping1.0ivvydate=2024-01-02 03:04:05 utc", toSign);
        Assert.Equal("f5fa54c0ecb2284175481ce9a06f24c9166dd0e3", signature);
        Assert.Equal("IWS TESTKEY1:f5fa54c0ecb2284175481ce9a06f24c9166dd0e3", IvvySignature.AuthorizationValue("TESTKEY1", signature));
    }

    [Fact]
    public void Lowercasing_is_invariant_even_under_a_Turkish_culture()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("tr-TR");
            var toSign = IvvySignature.BuildStringToSign("POST", "X", "APPLICATION/JSON", "/api/1.0/contact?action=addOrUpdateLead", NoHeaders);
            Assert.Equal("postxapplication/json/api/1.0/contact?action=addorupdatelead1.0", toSign);
            Assert.DoesNotContain('ı', toSign);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Ivvy_headers_are_sorted_stripped_of_separators_and_joined()
    {
        var toSign = IvvySignature.BuildStringToSign("POST", "m", "t", "/p", new[]
        {
            new KeyValuePair<string, string>("IVVY-Zeta", "2"),
            new KeyValuePair<string, string>("Content-Type", "ignored"),
            new KeyValuePair<string, string>("IVVY_Alpha", "1"),
        });

        Assert.EndsWith("1.0ivvyalpha=1&ivvyzeta=2", toSign);
    }

    [Fact]
    public void Signatures_compare_equal_only_when_identical()
    {
        Assert.True(IvvySignature.SignaturesEqual("abc123", "ABC123"));
        Assert.False(IvvySignature.SignaturesEqual("abc123", "abc124"));
        Assert.False(IvvySignature.SignaturesEqual("abc123", "abc12"));
    }
}
