using CommercialManagement.Gateway.Components.Account;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>Where the login page sends a person after a right password: a path of this site only, in a header's ASCII.</summary>
public sealed class ReturnUrlTests
{
    [Theory]
    [InlineData("/dossiers?recherche=martin#carte", "/dossiers?recherche=martin#carte")]
    [InlineData("/é", "/%C3%A9")]
    [InlineData("/demandes/日本", "/demandes/%E6%97%A5%E6%9C%AC")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("dossiers", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/\r\nSet-Cookie: x=1", "/")]
    [InlineData("/\u0000", "/")]
    public void SafeReturnUrl_IsAPathOfThisSiteInAscii(string? asked, string expected)
    {
        var safe = Login.SafeReturnUrl(asked);

        Assert.Equal(expected, safe);
        Assert.True(safe.All(char.IsAscii));
    }

    [Fact]
    public void SafeReturnUrl_WithALoneSurrogate_IsTheHomePage() =>
        // Built here: a test case's data would reach the test with the surrogate already replaced.
        Assert.Equal("/", Login.SafeReturnUrl("/" + '\ud800'));
}
