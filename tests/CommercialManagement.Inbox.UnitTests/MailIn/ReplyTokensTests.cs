using CommercialManagement.Inbox.Api.Features.MailIn;
using static CommercialManagement.Inbox.UnitTests.MailIn.InboundClassifierTests;

namespace CommercialManagement.Inbox.UnitTests.MailIn;

/// <summary>
/// Which case a reply belongs to (issue 18): the token in the tagged reply address, wherever the email says it was
/// delivered, and only there.
/// </summary>
public sealed class ReplyTokensTests
{
    private const string Ours = "reponses@domaine.fr";
    private const string First = "lh4vpm77l6s5qmqhulpkpmxm7ntqavzo";
    private const string Second = "zwrrths6j7kmn3i26gmqv6f7j6j7fpfw";
    private const string Third = "nzaif6zzly2irzxjvvti3b3jk3a5gaq3";

    private static IReadOnlyList<string> Find(params string[] headers) =>
        ReplyTokens.Find(Parse(string.Join("\r\n", ["From: Jean Dupont <jean.dupont@example.com>", .. headers, "Subject: Re: Votre devis", "", "Bonjour."])), Ours);

    [Fact]
    public void Find_TokenInTo_IsFound()
    {
        Assert.Equal([First], Find($"To: =?utf-8?q?Val_Nev=C3=A9?= <reponses+{First}@domaine.fr>"));
    }

    [Theory]
    [InlineData("Cc")]
    [InlineData("Delivered-To")]
    [InlineData("X-Original-To")]
    [InlineData("Envelope-To")]
    [InlineData("X-Envelope-To")]
    [InlineData("Resent-To")]
    [InlineData("delivered-to")]
    public void Find_TokenInAnotherDeliveryHeader_IsFound(string field)
    {
        Assert.Equal([First], Find("To: Val Neve <reponses@domaine.fr>", $"{field}: <reponses+{First}@domaine.fr>"));
    }

    [Fact]
    public void Find_SeveralTokens_AreDistinctInTheOrderOfTheHeaders()
    {
        var tokens = Find(
            $"Delivered-To: reponses+{Second}@domaine.fr",
            $"To: reponses+{First}@domaine.fr, Val Neve <reponses+{Second}@domaine.fr>",
            $"Cc: \"Dupont, Marie\" <marie@example.com>, reponses+{Third}@domaine.fr, reponses+{First}@domaine.fr");

        Assert.Equal([Second, First, Third], tokens);
    }

    [Fact]
    public void Find_AddressInUpperCase_GivesTheTokenInLowerCase()
    {
        Assert.Equal([First], Find($"To: REPONSES+{First.ToUpperInvariant()}@DOMAINE.FR"));
    }

    [Theory]
    [InlineData($"To: reponses+{First}@domaine.fr, <broken, \"unterminated")]
    [InlineData($"To: ;;; ,,, reponses+{First}@domaine.fr >>>")]
    [InlineData($"To: Destinataires non révélés: reponses+{First}@domaine.fr;")]
    [InlineData($"To: \"reponses+{First}\"@domaine.fr")]
    [InlineData($"To: =?utf-8?q?Dupont=2C_Jean?= <reponses+{First}@domaine.fr>")]
    [InlineData($"To: reponses+{First}@domaine.fr (Val Neve)")]
    [InlineData($"Envelope-To: reponses+{First}@domaine.fr, jean@example.com")]
    public void Find_MalformedOrUnusualHeader_StillFindsTheToken(string header)
    {
        Assert.Equal([First], Find(header));
    }

    [Theory]
    [InlineData($"To: reponses+{First}@autre-domaine.fr")]
    [InlineData($"To: contact+{First}@domaine.fr")]
    [InlineData("To: reponses+tooshort@domaine.fr")]
    [InlineData("To: reponses@domaine.fr")]
    [InlineData($"Reply-To: reponses+{First}@domaine.fr")]
    [InlineData($"References: <reponses+{First}@domaine.fr>")]
    [InlineData($"Bcc: reponses+{First}@domaine.fr")]
    [InlineData("To: <<<@@@>>>")]
    public void Find_NoTaggedDeliveryAddress_FindsNothing(string header)
    {
        Assert.Empty(Find(header));
    }

    [Fact]
    public void Find_TokenOnlyInTheBody_IsNotFound()
    {
        var message = Parse($"From: jean@example.com\r\nTo: reponses@domaine.fr\r\nSubject: Re\r\n\r\nÉcrivez à reponses+{First}@domaine.fr\r\n");

        Assert.Empty(ReplyTokens.Find(message, Ours));
    }

    [Fact]
    public void Find_WithoutAReplyAddress_FindsNothing()
    {
        var message = Parse($"To: reponses+{First}@domaine.fr\r\nSubject: Re\r\n\r\nTexte\r\n");

        Assert.Empty(ReplyTokens.Find(message, "  "));
    }
}
