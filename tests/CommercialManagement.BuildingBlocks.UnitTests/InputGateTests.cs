using System.Text.Json;
using CommercialManagement.ServiceDefaults.Input;

namespace CommercialManagement.BuildingBlocks.UnitTests;

/// <summary>The input gate's rules for text and lists, as every service's bodies go through them.</summary>
public sealed class InputGateTests
{
    private sealed record Season(string Name, int PriceCents);

    private sealed record Body(string? Name, string[]? Origins, IReadOnlyList<Season>? Seasons, int[]? Ages);

    [Theory]
    [InlineData(0xFFFE)]
    [InlineData(0xFFFF)]
    [InlineData(0xFDD0)]
    [InlineData(0xFDEF)]
    [InlineData(0x1FFFE)]
    [InlineData(0x10FFFF)]
    public void Text_WithAUnicodeNoncharacter_IsRefused(int codePoint)
    {
        // Normalisation (which e-mail lookups do) throws on these: found as a 500 on /api/auth/token.
        Assert.False(InputText.IsAcceptable($"Élodie{char.ConvertFromUtf32(codePoint)}"));
    }

    [Theory]
    [InlineData("Élodie Martin")]
    [InlineData("\u202eelttuhcS\u202c")]
    [InlineData("a\u200bb")]
    [InlineData("👨‍👩‍👧‍👦")]
    [InlineData("\uFDCF\uFDF0\uFFFD")]
    [InlineData("Ligne 1\r\nLigne 2\tfin")]
    public void Text_OfAnyPlaneAndScript_IsAccepted(string text) => Assert.True(InputText.IsAcceptable(text));

    [Theory]
    [InlineData("""{"origins":["https://a.example",null]}""", "origins[1]")]
    [InlineData("""{"seasons":[null]}""", "seasons[0]")]
    public void List_HoldingNull_FailsTheBinding_NamingTheItem(string json, string field)
    {
        var refused = Assert.Throws<NullItemException>(() => JsonSerializer.Deserialize<Body>(json, InputProblems.GuardedWebJson()));

        Assert.Equal(field, refused.Field);
    }

    [Fact]
    public void Lists_WithoutNull_AndAbsentLists_AreRead()
    {
        var body = JsonSerializer.Deserialize<Body>(
            """{"name":"Chalet","origins":["https://a.example"],"seasons":[{"name":"Hiver","priceCents":100}],"ages":[8,5]}""", InputProblems.GuardedWebJson())!;
        var empty = JsonSerializer.Deserialize<Body>("""{"name":"Chalet"}""", InputProblems.GuardedWebJson())!;

        Assert.Equal(["https://a.example"], body.Origins!);
        Assert.Equal("Hiver", Assert.Single(body.Seasons!).Name);
        Assert.Equal([8, 5], body.Ages!);
        Assert.Null(empty.Origins);
    }
}
