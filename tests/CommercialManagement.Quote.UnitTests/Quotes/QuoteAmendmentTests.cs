using CommercialManagement.Quote.Api.Domain.Catalogue;
using CommercialManagement.Quote.Api.Domain.Pricing;
using CommercialManagement.Quote.Api.Domain.Quotes;
using CommercialManagement.Quote.Api.Persistence;
using CommercialManagement.Quote.UnitTests.Catalogue;
using QuoteAggregate = CommercialManagement.Quote.Api.Domain.Quotes.Quote;

namespace CommercialManagement.Quote.UnitTests.Quotes;

/// <summary>
/// « Modifier la commande » (issue 16): an accepted quote's amendment, every move and every refusal, and the places the
/// quote holds while it is open (the more of the accepted order and the amendment, on each product and date).
/// </summary>
public sealed class QuoteAmendmentTests
{
    private static readonly DateTimeOffset T0 = new(2027, 1, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2027, 1, 10);
    private static readonly DateOnly Arrival = new(2027, 2, 6);
    private static readonly DateOnly Departure = new(2027, 2, 13);
    private static readonly CustomerDetails Customer = new("Élodie Martin", "3 rue des Alpes, 69000 Lyon", "elodie@example.fr", "0612345678");
    private static readonly Product Chalet = Products.Accommodation();

    /// <summary>One chalet for the week (one unit held each night) and a custom line, accepted by the customer in version 1.</summary>
    private static QuoteAggregate Accepted()
    {
        var quote = QuoteAggregate.Create(Guid.NewGuid(), Guid.NewGuid(), "DEV-2027-00001", new QuotedStay(Arrival, Departure, 2, []), Customer, T0);
        quote.AddLine(Stay(Arrival, Departure), T0);
        quote.AddLine(QuoteLine.Custom("Panier garni", null, 1, 2_500, 550), T0);
        quote.Send(Today.AddDays(7), T0);
        quote.Accept(AcceptedBy.Customer, 1, "203.0.113.7", null, Today, T0.AddHours(1));
        return quote;
    }

    private static QuoteLine Stay(DateOnly from, DateOnly to)
    {
        var party = new Party(2, 0, []);
        var priced = PriceCalculator.Price(Chalet, new PriceRequest(from, to, 1, party, Arrival, Departure));
        return QuoteLine.FromCatalogue(Chalet, priced.Lines[0], from, to, party);
    }

    [Fact]
    public void Open_OnAnAcceptedQuote_MakesTheNextVersionADraft_AndKeepsTheAcceptedOne()
    {
        var quote = Accepted();
        var acceptedTotal = quote.Totals.TotalCents;

        quote.OpenAmendment(T0.AddDays(1));

        Assert.Equal((QuoteState.Draft, 2, true), (quote.State, quote.Version, quote.IsAmendment));
        Assert.Equal((1, T0.AddHours(1)), (quote.AcceptedVersion!.Value, quote.AcceptedAt!.Value));
        Assert.Equal(acceptedTotal, quote.AcceptedTotals!.TotalCents);
        var kept = Assert.Single(quote.Versions);
        Assert.Equal((1, acceptedTotal, 2), (kept.Version, kept.TotalCents, kept.LineCount));
        Assert.Null(quote.SentAt);
        Assert.Empty(AmendmentStock.KeptForAcceptedOrder(quote));
    }

    [Fact]
    public void Open_ADraftASentARefusedOrAVoidedQuote_IsRefused()
    {
        var draft = QuoteAggregate.Create(Guid.NewGuid(), Guid.NewGuid(), "DEV-2027-00002", new QuotedStay(Arrival, Departure, 2, []), Customer, T0);
        draft.AddLine(QuoteLine.Custom("Panier garni", null, 1, 2_500, 550), T0);
        Assert.Contains("Seule une commande acceptée", Assert.Throws<QuoteRuleException>(() => draft.OpenAmendment(T0)).Message, StringComparison.Ordinal);

        draft.Send(Today.AddDays(7), T0);
        Assert.Throws<QuoteRuleException>(() => draft.OpenAmendment(T0));

        draft.Refuse("Trop cher", T0);
        Assert.Throws<QuoteRuleException>(() => draft.OpenAmendment(T0));

        var cancelled = Accepted();
        cancelled.VoidAccepted("Dossier annulé : jambe cassée", T0.AddDays(2));
        Assert.Contains("il est annulé", Assert.Throws<QuoteRuleException>(() => cancelled.OpenAmendment(T0.AddDays(3))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_Twice_IsRefused_OneAmendmentAtATime()
    {
        var quote = Accepted();
        quote.OpenAmendment(T0.AddDays(1));

        Assert.Contains("déjà en cours", Assert.Throws<QuoteRuleException>(() => quote.OpenAmendment(T0.AddDays(1))).Message, StringComparison.Ordinal);

        quote.Send(Today.AddDays(7), T0.AddDays(1));
        Assert.Contains("déjà en cours", Assert.Throws<QuoteRuleException>(() => quote.OpenAmendment(T0.AddDays(2))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EditingAnAcceptedQuote_WithoutAnAmendment_IsRefused_WithTheWayToDoIt()
    {
        var quote = Accepted();

        var refused = Assert.Throws<QuoteRuleException>(() => quote.AddLine(QuoteLine.Custom("Cours de ski", null, 2, 4_000, 2000), T0.AddDays(1)));

        Assert.Contains("Modifier la commande", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAmendment_IsEditedSentAndAccepted_AsTheNewAcceptedVersion()
    {
        var quote = Accepted();
        var before = quote.Totals.TotalCents;
        quote.OpenAmendment(T0.AddDays(1));
        quote.AddLine(QuoteLine.Custom("Cours de ski", null, 2, 4_000, 2000), T0.AddDays(1));
        quote.Send(Today.AddDays(8), T0.AddDays(1));

        Assert.Equal((QuoteState.Sent, 2), (quote.State, quote.Version));
        Assert.Equal(before + 8_000, quote.Totals.TotalCents);
        Assert.Equal(before, quote.AcceptedTotals!.TotalCents);

        quote.Accept(AcceptedBy.Customer, 2, "203.0.113.7", null, Today.AddDays(1), T0.AddDays(2));

        Assert.Equal((QuoteState.Accepted, 2, false), (quote.State, quote.AcceptedVersion!.Value, quote.IsAmendment));
        Assert.Equal(T0.AddDays(2), quote.AcceptedAt);
        Assert.Null(quote.AcceptedTotals);
        Assert.Equal(3, quote.Lines.Count);
    }

    [Fact]
    public void AnAmendment_IsAccepted_OnlyInItsCurrentSentVersion()
    {
        var quote = Accepted();
        quote.OpenAmendment(T0.AddDays(1));

        Assert.Throws<QuoteRuleException>(() => quote.Accept(AcceptedBy.Customer, 2, "ip", null, Today, T0.AddDays(1)));
        Assert.Throws<QuoteRuleException>(() => quote.Accept(AcceptedBy.Customer, 1, "ip", null, Today, T0.AddDays(1)));

        quote.Send(Today.AddDays(3), T0.AddDays(1));
        Assert.Contains("expiré", Assert.Throws<QuoteRuleException>(() => quote.Accept(AcceptedBy.Customer, 2, "ip", null, Today.AddDays(4), T0.AddDays(4))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAmendment_IsNeitherRefusedNorWithdrawn_ItIsAbandoned()
    {
        var quote = Accepted();
        quote.OpenAmendment(T0.AddDays(1));

        Assert.Contains("abandonnez la modification", Assert.Throws<QuoteRuleException>(() => quote.Void("retiré", T0.AddDays(1))).Message, StringComparison.Ordinal);
        quote.Send(Today.AddDays(7), T0.AddDays(1));
        Assert.Contains("ne se refuse pas", Assert.Throws<QuoteRuleException>(() => quote.Refuse("Non merci", T0.AddDays(1))).Message, StringComparison.Ordinal);
        Assert.Equal(QuoteState.Sent, quote.State);
    }

    [Fact]
    public void Abandon_RestoresTheAcceptedVersion_KeepsTheAbandonedOnesInTheHistory_AndNeverReusesTheirNumbers()
    {
        var quote = Accepted();
        var acceptedLines = quote.Lines.Select(l => (l.Label, l.Quantity, l.AmountCents, l.HeldPerDate)).ToList();
        var acceptedTotal = quote.Totals.TotalCents;
        quote.OpenAmendment(T0.AddDays(1));
        quote.RemoveLine(quote.Lines[0], T0.AddDays(1));
        quote.AddLine(QuoteLine.Custom("Cours de ski", null, 2, 4_000, 2000), T0.AddDays(1));
        quote.Send(Today.AddDays(8), T0.AddDays(1));
        quote.ChangeQuantity(quote.Lines[^1], 3, 0, 0, T0.AddDays(2));
        Assert.Equal((QuoteState.Draft, 3, 2), (quote.State, quote.Version, quote.Versions.Count));

        quote.AbandonAmendment(T0.AddDays(2));

        Assert.Equal((QuoteState.Accepted, 1, 1, false), (quote.State, quote.Version, quote.AcceptedVersion!.Value, quote.IsAmendment));
        Assert.Equal(acceptedLines, quote.Lines.Select(l => (l.Label, l.Quantity, l.AmountCents, l.HeldPerDate)).ToList());
        Assert.Equal(acceptedTotal, quote.Totals.TotalCents);
        Assert.Equal((T0, Today.AddDays(7)), (quote.SentAt!.Value, quote.ValidUntil!.Value));
        // Version 2 (sent, then changed) and version 3 (the draft abandoned) stay read-only; version 1 is current again.
        Assert.Equal([2, 3], quote.Versions.Select(v => v.Version).Order());
        Assert.Equal(2, quote.Versions.Single(v => v.Version == 3).LineCount);
        Assert.All(quote.Lines, l => Assert.Equal(quote.Id, l.QuoteId));

        // The customer may have been sent version 2: the next amendment is version 4.
        quote.OpenAmendment(T0.AddDays(3));
        Assert.Equal(4, quote.Version);
        Assert.Equal([1, 2, 3], quote.Versions.Select(v => v.Version).Order());
    }

    [Fact]
    public void Abandon_WithoutAnAmendment_IsRefused() =>
        Assert.Contains("pas de modification en cours", Assert.Throws<QuoteRuleException>(() => Accepted().AbandonAmendment(T0)).Message, StringComparison.Ordinal);

    [Fact]
    public void VoidedWithItsCase_WhileAnAmendmentIsOpen_TheQuoteIsVoided()
    {
        var quote = Accepted();
        quote.OpenAmendment(T0.AddDays(1));

        quote.VoidAccepted("Dossier annulé : jambe cassée", T0.AddDays(2));

        Assert.Equal((QuoteState.Voided, false, true), (quote.State, quote.IsAmendment, quote.CancelledWithCase));
    }

    [Fact]
    public void Stock_WhileOpen_TheAcceptedOrderKeepsWhatTheAmendmentGivesUp()
    {
        var quote = Accepted();
        quote.OpenAmendment(T0.AddDays(1));

        // « Remove a night »: the week becomes six nights; the seventh stays held for the accepted order until acceptance.
        quote.RemoveLine(quote.Lines[0], T0.AddDays(1));
        quote.AddLine(Stay(Arrival, Departure.AddDays(-1)), T0.AddDays(1));

        var kept = AmendmentStock.KeptForAcceptedOrder(quote);
        Assert.Equal((Chalet.Id, Departure.AddDays(-1)), Assert.Single(kept).Key);
        Assert.Equal(1, kept.Single().Value);
        Assert.Equal(6, AmendmentStock.Held(quote.Lines).Count);

        // Accepted: only the amendment's places remain the quote's.
        quote.Send(Today.AddDays(7), T0.AddDays(1));
        quote.Accept(AcceptedBy.Customer, 2, "ip", null, Today, T0.AddDays(2));
        Assert.Empty(AmendmentStock.KeptForAcceptedOrder(quote));
    }

    [Fact]
    public void Stock_AnAddedUnit_IsTheAmendmentsOwn_NothingKeptBeyondIt()
    {
        var quote = Accepted();
        quote.OpenAmendment(T0.AddDays(1));

        quote.ChangeQuantity(quote.Lines[0], 2, 2, 2, T0.AddDays(1));

        Assert.Empty(AmendmentStock.KeptForAcceptedOrder(quote));
        Assert.All(AmendmentStock.Held(quote.Lines).Values, held => Assert.Equal(2, held));
        Assert.All(AmendmentStock.Held(quote.AcceptedLines!).Values, held => Assert.Equal(1, held));
    }
}
