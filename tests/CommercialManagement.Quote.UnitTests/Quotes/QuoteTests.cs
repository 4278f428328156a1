using CommercialManagement.Quote.Api.Domain.Catalogue;
using CommercialManagement.Quote.Api.Domain.Pricing;
using CommercialManagement.Quote.Api.Domain.Quotes;
using CommercialManagement.Quote.UnitTests.Catalogue;
using QuoteAggregate = CommercialManagement.Quote.Api.Domain.Quotes.Quote;

namespace CommercialManagement.Quote.UnitTests.Quotes;

/// <summary>The quote's states and versions: every allowed move, and every forbidden one refused with a reason.</summary>
public sealed class QuoteTests
{
    private static readonly DateTimeOffset T0 = new(2027, 1, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2027, 1, 10);
    private static readonly CustomerDetails Customer = new("Élodie Martin", "3 rue des Alpes, 69000 Lyon", "elodie@example.fr", "0612345678");

    private static QuoteAggregate Draft(bool withCustomer = true)
    {
        var quote = QuoteAggregate.Create(Guid.NewGuid(), Guid.NewGuid(), "DEV-2027-00001", new QuotedStay(new(2027, 2, 2), new(2027, 2, 9), 2, [8]),
            withCustomer ? Customer : new CustomerDetails("Élodie Martin", "", "elodie@example.fr", ""), T0);
        quote.AddLine(QuoteLine.Custom("Panier garni", null, 2, 2_500, 550), T0);
        return quote;
    }

    private static QuoteAggregate Sent()
    {
        var quote = Draft();
        quote.Send(Today.AddDays(7), T0);
        return quote;
    }

    [Fact]
    public void Create_IsADraftAtVersionOne() => Assert.Equal((QuoteState.Draft, 1), (Draft().State, Draft().Version));

    [Fact]
    public void Send_ADraftWithALineAndTheCustomer_IsSentWithItsValidity()
    {
        var quote = Sent();

        Assert.Equal(QuoteState.Sent, quote.State);
        Assert.Equal(Today.AddDays(7), quote.ValidUntil);
        Assert.Equal(T0, quote.SentAt);
    }

    [Fact]
    public void Send_WithoutTheCustomersAddress_IsRefused() =>
        Assert.Contains("Éditer le devis", Assert.Throws<QuoteRuleException>(() => Draft(withCustomer: false).Send(Today, T0)).Message, StringComparison.Ordinal);

    [Fact]
    public void Send_WithoutALine_IsRefused()
    {
        var quote = Draft();
        quote.RemoveLine(quote.Lines[0], T0);

        Assert.Contains("au moins une prestation", Assert.Throws<QuoteRuleException>(() => quote.Send(Today, T0)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Send_WithAFlaggedLine_IsRefused()
    {
        var quote = Draft();
        var flagged = QuoteLine.Custom("Chalet", null, 1, 100_000, 1000);
        flagged.Flag("Plus disponible");
        quote.AddLine(flagged, T0);

        Assert.Contains("signalées", Assert.Throws<QuoteRuleException>(() => quote.Send(Today, T0)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Send_Twice_IsRefused() => Assert.Throws<QuoteRuleException>(() => Sent().Send(Today, T0));

    [Fact]
    public void ChangingASentQuote_KeepsTheSentVersion_AndMakesANewDraftVersion()
    {
        var quote = Sent();

        quote.ChangeQuantity(quote.Lines[0], 3, 0, 0, T0.AddHours(1));

        Assert.Equal((QuoteState.Draft, 2), (quote.State, quote.Version));
        Assert.Null(quote.ValidUntil);
        var kept = Assert.Single(quote.Versions);
        Assert.Equal((1, 5_000L), (kept.Version, kept.TotalCents));
        Assert.Equal(2, Assert.Single(kept.Read().Lines).Quantity);
        Assert.Equal(7_500, quote.Totals.TotalCents);
    }

    [Fact]
    public void ChangingADraft_KeepsItsVersion()
    {
        var quote = Draft();

        quote.AddLine(QuoteLine.Custom("Ménage", null, 1, 8_000, 2000), T0);
        quote.ChangeCustomer(Customer with { Phone = "" }, T0);

        Assert.Equal(1, quote.Version);
        Assert.Empty(quote.Versions);
        Assert.Equal([1, 2], quote.Lines.Select(l => l.Position));
    }

    [Fact]
    public void Accept_TheCurrentSentVersion_RecordsWhoWhenAndWhich()
    {
        var quote = Sent();

        quote.Accept(AcceptedBy.Customer, 1, "203.0.113.7", null, Today.AddDays(7), T0.AddDays(1));

        Assert.Equal(QuoteState.Accepted, quote.State);
        Assert.Equal((AcceptedBy.Customer, 1, "203.0.113.7"), (quote.AcceptedBy!.Value, quote.AcceptedVersion!.Value, quote.AcceptedFrom!));
    }

    [Fact]
    public void Accept_AfterTheValidityDate_IsRefusedAsExpired()
    {
        var quote = Sent();

        Assert.True(quote.IsExpired(Today.AddDays(8)));
        Assert.Contains("expiré le 17/01/2027", Assert.Throws<QuoteRuleException>(() => quote.Accept(AcceptedBy.Staff, 1, "Lucas", null, Today.AddDays(8), T0)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accept_ASupersededVersion_IsRefused()
    {
        var quote = Sent();
        quote.ChangeQuantity(quote.Lines[0], 3, 0, 0, T0);
        quote.Send(Today.AddDays(7), T0);

        Assert.Contains("remplacée par la version 2", Assert.Throws<QuoteRuleException>(() => quote.Accept(AcceptedBy.Customer, 1, "ip", null, Today, T0)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accept_ADraft_IsRefused() => Assert.Throws<QuoteRuleException>(() => Draft().Accept(AcceptedBy.Staff, 1, "Lucas", null, Today, T0));

    [Fact]
    public void Accept_AVoidedQuote_IsRefused()
    {
        var quote = Sent();
        quote.Void("Les dates ont changé", T0);

        Assert.Contains("annulé", Assert.Throws<QuoteRuleException>(() => quote.Accept(AcceptedBy.Customer, 1, "ip", null, Today, T0)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAcceptedQuote_CannotChangeNorBeVoided()
    {
        var quote = Sent();
        quote.Accept(AcceptedBy.Staff, 1, "Lucas", "Par téléphone", Today, T0);

        Assert.Throws<QuoteRuleException>(() => quote.AddLine(QuoteLine.Custom("x", null, 1, 1, 0), T0));
        Assert.Throws<QuoteRuleException>(() => quote.Void("x", T0));
        Assert.Throws<QuoteRuleException>(() => quote.Refuse("x", T0));
    }

    [Fact]
    public void VoidAccepted_WithItsCase_IsVoidedWithTheReason_AndKeepsItsAcceptance()
    {
        var quote = Sent();
        quote.Accept(AcceptedBy.Staff, 1, "Lucas", "Par téléphone", Today, T0);

        quote.VoidAccepted("Dossier annulé : Jambe cassée", T0.AddDays(3));

        Assert.Equal((QuoteState.Voided, "Dossier annulé : Jambe cassée", T0.AddDays(3)), (quote.State, quote.ClosingReason!, quote.ClosedAt!.Value));
        Assert.Equal((AcceptedBy.Staff, T0), (quote.AcceptedBy!.Value, quote.AcceptedAt!.Value));
        Assert.Throws<QuoteRuleException>(() => quote.VoidAccepted("encore", T0.AddDays(4)));
        Assert.Throws<QuoteRuleException>(() => quote.Accept(AcceptedBy.Customer, 1, "ip", null, Today, T0));
    }

    [Fact]
    public void VoidAccepted_OfAQuoteNotAccepted_IsRefused()
    {
        Assert.Contains("Seul un devis accepté", Assert.Throws<QuoteRuleException>(() => Sent().VoidAccepted("x", T0)).Message, StringComparison.Ordinal);
        Assert.Throws<QuoteRuleException>(() => Draft().VoidAccepted("x", T0));
    }

    [Fact]
    public void Refuse_ASentQuote_IsFinal()
    {
        var quote = Sent();

        quote.Refuse("Trop cher", T0);

        Assert.Equal((QuoteState.Refused, "Trop cher"), (quote.State, quote.ClosingReason!));
        Assert.Throws<QuoteRuleException>(() => quote.ChangeCustomer(Customer, T0));
    }

    [Fact]
    public void Refuse_ADraft_IsRefused() => Assert.Throws<QuoteRuleException>(() => Draft().Refuse("x", T0));

    [Fact]
    public void Void_ADraftOrASentQuote_IsFinal()
    {
        var draft = Draft();
        var sent = Sent();

        draft.Void("Les dates ont changé", T0);
        sent.Void("Les dates ont changé", T0);

        Assert.All([draft, sent], q => Assert.Equal(QuoteState.Voided, q.State));
        Assert.Throws<QuoteRuleException>(() => draft.Void("again", T0));
        Assert.Throws<QuoteRuleException>(() => sent.Send(Today, T0));
    }

    [Fact]
    public void ACatalogueLine_KeepsThePriceItWasAddedAt()
    {
        var product = Products.Accommodation();
        var priced = PriceCalculator.Price(product, new PriceRequest(new(2027, 2, 2), new(2027, 2, 9), 1, new Party(2, 0, []), new(2027, 2, 2), new(2027, 2, 9)));
        var line = QuoteLine.FromCatalogue(product, priced.Lines[0], new(2027, 2, 2), new(2027, 2, 9), new Party(2, 0, []));
        var quote = Draft();
        quote.AddLine(line, T0);

        product.Change(new ProductSpec(product.Type, product.Name, null, true, 1000, [new SeasonPrice("Tout", new(2027, 1, 1), new(2027, 4, 30), 1)], 2, 4, 200, null), T0);

        Assert.Equal(85_000, quote.Lines[1].AmountCents);
        Assert.Equal(1000, quote.Lines[1].VatRateBasisPoints);
        Assert.Equal(2 * 7 * 200, quote.Lines[1].TouristTaxCents);
    }
}
