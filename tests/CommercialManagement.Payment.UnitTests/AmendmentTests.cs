using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Domain.Invoices;

namespace CommercialManagement.Payment.UnitTests;

/// <summary>
/// An accepted quote amended (issue 16, part 4): payments stay, what is still due follows, the final invoice is credited and
/// issued again from the new content, a total below what the case holds leaves a surplus to refund, and the refund of that
/// surplus gets no credit note.
/// </summary>
public sealed class AmendmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 4);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Fact]
    public void AmendedUp_AfterADeposit_ThePaymentStays_TheRequestBelowWhatRemainsStays_AndTheFinalInvoiceFollowsTheNewTotal()
    {
        var ledger = InvoicingTests.Ledger();
        ledger.RecordOffline(30_000, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);
        ledger.Number(ledger.Invoices[0], 1, Now);
        var balance = ledger.Ask(PaymentKind.Balance, 30_000, "Agent", Now, Week);

        var outcome = ledger.Accept(Amended(ledger, version: 2, lessons: 4), Now.AddHours(1));

        Assert.Equal(AcceptanceOutcome.Amended, outcome);
        Assert.Equal((112_000L, 30_000L, 82_000L, 0L), (ledger.Case.AcceptedTotalCents, ledger.HeldCents, ledger.RemainingCents, ledger.OverpaidCents));
        Assert.Equal(PaymentRequestStatus.Open, balance.Status);
        Assert.Single(ledger.Invoices);
        Assert.Null(ledger.FinalInvoice);
        Assert.Equal(2, ledger.Case.AcceptedVersion);

        ledger.RecordOffline(82_000, PaymentMethod.Cheque, "CHQ-2", Today, "Agent", Now.AddHours(2));

        var final = ledger.FinalInvoice!;
        Assert.Equal((112_000L, 0L), (final.AmountCents, final.Content.DueCents));
        Assert.Equal(4, final.Content.Lines.Single(l => l.Label == "Cours collectifs").Quantity);
        Assert.Equal([("FA-2026-00001", 30_000L)], final.Content.Deducted.Select(d => (d.Number, d.AmountCents)));
        Assert.Equal([82_000L], final.Content.Payments.Select(p => p.AmountCents));
    }

    [Fact]
    public void AmendedDown_ARequestAskingMoreThanWhatNowRemains_IsWithdrawn_NamingTheNewTotal()
    {
        var ledger = InvoicingTests.Ledger();
        ledger.RecordOffline(30_000, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);
        var balance = ledger.Ask(PaymentKind.Balance, 30_000, "Agent", Now, Week);

        ledger.Accept(Amended(ledger, version: 3, lessons: 0), Now.AddHours(1));

        Assert.Equal(PaymentRequestStatus.Cancelled, balance.Status);
        Assert.Equal(
            $"Annulée : la commande modifiée (version 3) porte le total à {Euros.Format(88_000)} ; il reste {Euros.Format(58_000)} à payer, moins que cette demande.",
            balance.CancelReason);
        var option = ledger.Options(26_400, Now.AddHours(1)).Single(o => o.Kind == PaymentKind.Balance);
        Assert.Equal((true, 58_000L), (option.Allowed, option.AmountCents));
    }

    [Fact]
    public void AmendedUp_AfterPaidInFull_TheFinalInvoiceIsCreditedInFull_AndTheNewOneIsIssuedWhenPaidInFull()
    {
        var ledger = PaidAtOnce();
        var first = ledger.FinalInvoice!;

        ledger.Accept(Amended(ledger, version: 2, lessons: 4), Now.AddHours(1));

        var avoir = Assert.Single(ledger.Unnumbered);
        Assert.Equal((InvoiceKind.CreditNote, 100_000L, first.Id), (avoir.Kind, avoir.AmountCents, avoir.CorrectsInvoiceId!.Value));
        Assert.Equal($"Modification de la commande : version 2, nouveau total {Euros.Format(112_000)}", avoir.Content.Reason);
        Assert.Equal(first.Number, avoir.Content.Corrects!.Number);
        Assert.Null(ledger.FinalInvoice);
        Assert.Equal(12_000, ledger.RemainingCents);
        ledger.Number(avoir, 1, Now.AddHours(1));

        var balance = ledger.Ask(PaymentKind.Balance, 33_600, "Agent", Now.AddHours(2), Week);
        Assert.Equal(12_000, balance.AmountCents);
        ledger.PayOnline(balance.Id, "pi_2", Today, "Stripe", Now.AddHours(3));

        var second = ledger.FinalInvoice!;
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal((112_000L, 0L), (second.AmountCents, second.Content.DueCents));
        Assert.Empty(second.Content.Deducted);
        Assert.Equal([100_000L, 12_000L], second.Content.Payments.Select(p => p.AmountCents));
        Assert.Equal(112_000, ledger.InvoicedCents);
    }

    [Fact]
    public void AmendedUp_AfterPaidInFull_APaymentShortOfTheNewTotal_GetsAFactureDAcompte()
    {
        var ledger = PaidAtOnce();
        ledger.Accept(Amended(ledger, version: 2, lessons: 4), Now.AddHours(1));
        ledger.Number(ledger.Unnumbered.Single(), 1, Now.AddHours(1));

        ledger.RecordOffline(5_000, PaymentMethod.Cash, "", Today, "Agent", Now.AddHours(2));

        var deposit = ledger.Unnumbered.Single();
        Assert.Equal((InvoiceKind.Deposit, 5_000L), (deposit.Kind, deposit.AmountCents));
        Assert.Null(ledger.FinalInvoice);
    }

    [Fact]
    public void AmendedDownBelowWhatIsHeld_TheFinalIsReissuedAtOnce_TheSurplusIsShown_AndItsRefundGetsNoCreditNote()
    {
        var ledger = InvoicingTests.Ledger();
        ledger.RecordOffline(30_000, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);
        ledger.Number(ledger.Invoices[0], 1, Now);
        var settling = ledger.RecordOffline(70_000, PaymentMethod.Cheque, "CHQ-2", Today, "Agent", Now);
        var first = ledger.FinalInvoice!;
        ledger.Number(first, 2, Now);

        ledger.Accept(Amended(ledger, version: 2, lessons: 0), Now.AddHours(1));

        // The first final invoice counted 70 000 beyond the deposit invoice it deducted: that is what its avoir credits.
        var avoir = Assert.Single(ledger.Unnumbered, i => i.Kind == InvoiceKind.CreditNote);
        Assert.Equal((70_000L, first.Id), (avoir.AmountCents, avoir.CorrectsInvoiceId!.Value));
        var second = Assert.Single(ledger.Unnumbered, i => i.Kind == InvoiceKind.Final);
        Assert.Same(second, ledger.FinalInvoice);
        Assert.Equal((88_000L, 0L), (second.AmountCents, second.Content.DueCents));
        Assert.DoesNotContain(second.Content.Lines, l => l.Label == "Cours collectifs");
        Assert.Equal([("FA-2026-00001", 30_000L)], second.Content.Deducted.Select(d => (d.Number, d.AmountCents)));
        Assert.Equal([70_000L], second.Content.Payments.Select(p => p.AmountCents));
        Assert.Equal((12_000L, 0L, 88_000L), (ledger.OverpaidCents, ledger.RemainingCents, ledger.InvoicedCents));
        Assert.StartsWith("Le dossier a reçu", ledger.Options(26_400, Now.AddHours(1)).Single(o => o.Kind == PaymentKind.Balance).Refusal);
        ledger.Number(avoir, 1, Now.AddHours(1));
        ledger.Number(second, 3, Now.AddHours(1));

        ledger.RecordRefund(settling.Id, "re_surplus", 12_000, Now.AddHours(2), Now.AddHours(2));

        Assert.Empty(ledger.Unnumbered);
        Assert.Equal((0L, 88_000L, 88_000L), (ledger.OverpaidCents, ledger.HeldCents, ledger.InvoicedCents));

        // Beyond the surplus, a refund (a goodwill gesture) is credited on the new final invoice.
        ledger.RecordRefund(settling.Id, "re_geste", 5_000, Now.AddHours(3), Now.AddHours(3));

        var goodwill = Assert.Single(ledger.Unnumbered);
        Assert.Equal((InvoiceKind.CreditNote, 5_000L, second.Id), (goodwill.Kind, goodwill.AmountCents, goodwill.CorrectsInvoiceId!.Value));
    }

    [Fact]
    public void ARefundLargerThanTheSurplus_IsCreditedForThePartBeyondIt_Only()
    {
        var ledger = PaidAtOnce();
        ledger.Accept(Amended(ledger, version: 2, lessons: 0), Now.AddHours(1));
        foreach (var draft in ledger.Unnumbered)
        {
            ledger.Number(draft, 2, Now.AddHours(1));
        }

        ledger.RecordRefund(ledger.Payments[0].Id, "re_1", 20_000, Now.AddHours(2), Now.AddHours(2));

        var avoir = Assert.Single(ledger.Unnumbered);
        Assert.Equal((8_000L, ledger.FinalInvoice!.Id), (avoir.AmountCents, avoir.CorrectsInvoiceId!.Value));
        Assert.Equal((80_000L, 80_000L), (ledger.HeldCents, ledger.InvoicedCents));
    }

    [Fact]
    public void AmendedDown_WithoutAFinalInvoice_AndADepositAboveTheNewTotal_GetsItsFinalInvoiceAtOnce()
    {
        var ledger = InvoicingTests.Ledger();
        ledger.RecordOffline(95_000, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);
        ledger.Number(ledger.Invoices[0], 1, Now);

        ledger.Accept(Amended(ledger, version: 2, lessons: 0), Now.AddHours(1));

        var final = ledger.Unnumbered.Single();
        Assert.Equal((InvoiceKind.Final, 88_000L, 0L), (final.Kind, final.AmountCents, final.Content.DueCents));
        Assert.Equal((7_000L, 88_000L), (ledger.OverpaidCents, ledger.InvoicedCents));
    }

    [Fact]
    public void InvoicingOnProcessing_AnAmendedOrderThatHadItsFinalInvoice_GetsTheNewOneAtOnce_WithWhatIsDue()
    {
        var ledger = InvoicingTests.Ledger(processedMode: true);
        ledger.RecordOffline(30_000, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);
        ledger.Number(ledger.Invoices[0], 1, Now);
        var first = ledger.IssueFinalOnProcessed(Now)!;
        ledger.Number(first, 2, Now);

        ledger.Accept(Amended(ledger, version: 2, lessons: 4), Now.AddHours(1));

        var avoir = Assert.Single(ledger.Unnumbered, i => i.Kind == InvoiceKind.CreditNote);
        Assert.Equal(70_000, avoir.AmountCents);
        var second = Assert.Single(ledger.Unnumbered, i => i.Kind == InvoiceKind.Final);
        Assert.Equal((112_000L, 82_000L), (second.AmountCents, second.Content.DueCents));
        Assert.Null(ledger.IssueFinalOnProcessed(Now.AddHours(2)));
    }

    [Fact]
    public void TheSameVersionAgain_OrAnOlderOne_IsIgnored()
    {
        var ledger = PaidAtOnce();
        var amended = Amended(ledger, version: 2, lessons: 4);
        ledger.Accept(amended, Now.AddHours(1));
        _ = ledger.TakeChanges();
        var invoices = ledger.Invoices.Count;

        var again = ledger.Accept(amended with { OccurredAt = amended.OccurredAt.AddMinutes(5) }, Now.AddHours(2));
        var older = ledger.Accept(Amended(ledger, version: 1, lessons: 0) with { OccurredAt = Now.AddHours(1) }, Now.AddHours(2));
        var redelivered = ledger.Accept(amended, Now.AddHours(2));

        Assert.Equal((AcceptanceOutcome.Ignored, AcceptanceOutcome.Ignored, AcceptanceOutcome.Ignored), (again, older, redelivered));
        Assert.Equal((112_000L, 2), (ledger.Case.AcceptedTotalCents, ledger.Case.AcceptedVersion));
        Assert.Equal(invoices, ledger.Invoices.Count);
        Assert.Empty(ledger.TakeChanges().Rows);
    }

    [Fact]
    public void ACancelledCase_IgnoresALaterAcceptance()
    {
        var ledger = InvoicingTests.Ledger(arrival: Today.AddDays(40));
        ledger.Cancel(CancellationRequestedBy.Customer, "Changement de projet", 30_000, null, null, null, "Agent", Today, Now);
        _ = ledger.TakeChanges();

        var outcome = ledger.Accept(Amended(ledger, version: 2, lessons: 4), Now.AddHours(1));

        Assert.Equal(AcceptanceOutcome.Ignored, outcome);
        Assert.Equal((100_000L, 1), (ledger.Case.AcceptedTotalCents, ledger.Case.AcceptedVersion));
        Assert.Empty(ledger.TakeChanges().Rows);
    }

    [Fact]
    public void AnotherQuote_ReplacingTheAcceptedOne_IsAnAmendment_ItsRequestsWithdrawn_AndTheAvoirNamesTheNewQuote()
    {
        var deposited = InvoicingTests.Ledger();
        deposited.RecordOffline(30_000, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);
        var balance = deposited.Ask(PaymentKind.Balance, 30_000, "Agent", Now, Week);
        var paid = PaidAtOnce();

        var outcome = deposited.Accept(Replacing(deposited), Now.AddHours(1));
        paid.Accept(Replacing(paid), Now.AddHours(1));

        Assert.Equal(AcceptanceOutcome.Amended, outcome);
        Assert.Equal((PaymentRequestStatus.Cancelled, "Le devis DEV-2026-00043 a remplacé le devis de cette demande."), (balance.Status, balance.CancelReason));
        Assert.Equal((30_000L, 82_000L), (deposited.HeldCents, deposited.RemainingCents));
        var avoir = Assert.Single(paid.Unnumbered);
        Assert.Equal($"Modification de la commande : devis DEV-2026-00043, version 1, nouveau total {Euros.Format(112_000)}", avoir.Content.Reason);
        Assert.Equal((100_000L, 12_000L), (paid.HeldCents, paid.RemainingCents));

        static QuoteAccepted Replacing(CaseLedger ledger) => Amended(ledger, version: 1, lessons: 4) with
        {
            QuoteId = Guid.NewGuid(), Number = "DEV-2026-00043", OccurredAt = Now.AddMinutes(30),
        };
    }

    [Fact]
    public void TheFirstAcceptance_IsAccepted_AndDraftsNothing()
    {
        var account = PaymentCase.Open(Guid.NewGuid(), Guid.NewGuid());
        var ledger = new CaseLedger(account, [], [], []);

        var outcome = ledger.Accept(new QuoteAccepted
        {
            OrganisationId = account.OrganisationId, OccurredAt = Now, RequestId = account.Id, QuoteId = Guid.NewGuid(), Number = "DEV-2026-00042",
            TotalCents = 100_000, AcceptedBy = "Customer", Version = 1, Content = Content(2),
        }, Now);

        Assert.Equal(AcceptanceOutcome.Accepted, outcome);
        Assert.Empty(ledger.TakeChanges().Rows);
    }

    /// <summary>A case paid 1 000,00 € at once: its final invoice FA-2026-00001, numbered.</summary>
    private static CaseLedger PaidAtOnce()
    {
        var ledger = InvoicingTests.Ledger();
        var full = ledger.Ask(PaymentKind.Full, 30_000, "Agent", Now, Week);
        ledger.PayOnline(full.Id, "pi_1", Today, "Stripe", Now);
        ledger.Number(ledger.FinalInvoice!, 1, Now);
        return ledger;
    }

    /// <summary>The case's accepted quote again, as version <paramref name="version"/> with <paramref name="lessons"/> group lessons.</summary>
    internal static QuoteAccepted Amended(CaseLedger ledger, int version, int lessons)
    {
        var content = Content(lessons);
        return new QuoteAccepted
        {
            OrganisationId = ledger.Case.OrganisationId, OccurredAt = Now.AddMinutes(version), RequestId = ledger.Case.Id, QuoteId = ledger.Case.AcceptedQuoteId!.Value,
            Number = ledger.Case.QuoteNumber!, TotalCents = content.TotalCents, AcceptedBy = "Customer", Version = version, Content = content,
        };
    }

    /// <summary>The apartment (840,00 € at 10 %, 40,00 € of tourist tax) and <paramref name="lessons"/> group lessons at 60,00 € (20 %): 880,00 € + 60,00 € each.</summary>
    internal static AcceptedQuoteContent Content(int lessons)
    {
        var apartment = new AcceptedQuoteLine
        {
            Label = "Appartement 4 pers.", Quantity = 1, UnitPriceInclVatCents = 84_000, VatRateBasisPoints = 1000, AmountInclVatCents = 84_000,
            AmountExclVatCents = 76_364, VatCents = 7_636, TouristTaxCents = 4_000,
        };
        var lessonLine = new AcceptedQuoteLine
        {
            Label = "Cours collectifs", Quantity = lessons, UnitPriceInclVatCents = 6_000, VatRateBasisPoints = 2000, AmountInclVatCents = lessons * 6_000,
            AmountExclVatCents = lessons * 5_000, VatCents = lessons * 1_000,
        };
        var tenPercent = new AcceptedVatRate { RateBasisPoints = 1000, NetCents = 76_364, VatCents = 7_636 };
        var twentyPercent = new AcceptedVatRate { RateBasisPoints = 2000, NetCents = lessons * 5_000, VatCents = lessons * 1_000 };
        return new AcceptedQuoteContent
        {
            CustomerName = "Élodie Martin", CustomerAddressLines = ["12 rue des Alpes", "69002 Lyon"], CustomerEmail = "elodie@example.fr", Language = "fr",
            Arrival = new DateOnly(2027, 2, 13), Departure = new DateOnly(2027, 2, 20), Adults = 2,
            Lines = lessons > 0 ? [apartment, lessonLine] : [apartment],
            VatByRate = lessons > 0 ? [tenPercent, twentyPercent] : [tenPercent],
            NetCents = 76_364 + (lessons * 5_000), VatCents = 7_636 + (lessons * 1_000), GrossCents = 84_000 + (lessons * 6_000), TouristTaxCents = 4_000,
            TotalCents = 88_000 + (lessons * 6_000),
        };
    }
}
