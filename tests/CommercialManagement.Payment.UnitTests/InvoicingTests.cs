using CommercialManagement.Contracts.Identity;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Domain.Invoices;

namespace CommercialManagement.Payment.UnitTests;

/// <summary>The invoices a case's ledger issues as money arrives (issue 16, part 2): deposit invoices, the final invoice, their numbers.</summary>
public sealed class InvoicingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 4);

    [Fact]
    public void Share_GivesTheCentsLeftToTheLargestRemainders_AndAddsUpExactly()
    {
        Assert.Equal([28_000L, 4_000L, 1_333L], InvoiceDrafts.Share(33_333, [84_000, 12_000, 4_000]));
        Assert.Equal([25_200L, 3_600L, 1_200L], InvoiceDrafts.Share(30_000, [84_000, 12_000, 4_000]));
        Assert.Equal([1L, 0L], InvoiceDrafts.Share(1, [1, 1]));
        Assert.Equal(999_999_999L, InvoiceDrafts.Share(999_999_999, [7, 11, 13, 0]).Sum());
    }

    [Fact]
    public void ADeposit_GetsAFactureDAcompte_SharedAcrossTheQuotesVatRates_WithTheTouristTaxApart()
    {
        var ledger = Ledger();

        var deposit = ledger.RecordOffline(33_333, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);

        var invoice = Assert.Single(ledger.Invoices);
        Assert.Equal((InvoiceKind.Deposit, 33_333L, deposit.Id, "FA"), (invoice.Kind, invoice.AmountCents, invoice.PaymentId, invoice.Series));
        var content = invoice.Content;
        Assert.Equal(
            ["Acompte sur le devis DEV-2026-00042 : prestations à 10 %", "Acompte sur le devis DEV-2026-00042 : prestations à 20 %"],
            content.Lines.Select(l => l.Label));
        // 28 000 TTC at 10 % is 25 455 HT + 2 545 VAT; 4 000 TTC at 20 % is 3 333 HT + 667 VAT; 1 333 of tourist tax, outside VAT.
        Assert.Equal([(1000, 25_455L, 2_545L), (2000, 3_333L, 667L)], content.VatByRate.Select(r => (r.RateBasisPoints, r.NetCents, r.VatCents)));
        Assert.Equal((28_788L, 3_212L, 32_000L, 1_333L, 33_333L, 0L), (content.NetCents, content.VatCents, content.GrossCents, content.TouristTaxCents, content.TotalCents, content.DueCents));
        Assert.Equal([(Today, "Virement", 33_333L)], content.Payments.Select(p => (p.ReceivedOn, p.Method, p.AmountCents)));
        Assert.Equal(("Hôtel des Cimes", "81234567800019", "SAS au capital de 50 000 €", "RCS Chambéry"), (content.Seller.Name, content.Seller.Siret, content.Seller.LegalForm, content.Seller.TradeRegister));
        Assert.Equal(InvoiceDrafts.DefaultLatePaymentTerms, content.Seller.LatePaymentTerms);
        Assert.False(content.Customer.IsBusiness);
        Assert.Equal((new DateOnly(2027, 2, 13), new DateOnly(2027, 2, 20)), (content.Arrival, content.Departure));
    }

    [Fact]
    public void TheBalance_GetsTheFinalInvoice_WithEveryLine_AndTheDepositInvoiceDeducted()
    {
        var ledger = Ledger();
        ledger.RecordOffline(30_000, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);
        var deposit = Assert.Single(ledger.Invoices);
        ledger.Number(deposit, 41, Now);

        ledger.RecordOffline(70_000, PaymentMethod.Cheque, "CHQ-2", Today.AddDays(3), "Agent", Now.AddDays(3));

        var final = ledger.FinalInvoice!;
        Assert.Equal((InvoiceKind.Final, 100_000L, (Guid?)null), (final.Kind, final.AmountCents, final.PaymentId));
        Assert.Equal(["Appartement 4 pers.", "Cours collectifs"], final.Content.Lines.Select(l => l.Label));
        var lessons = final.Content.Lines[1];
        Assert.Equal((2, 5_000L, 10_000L, 2_000L, 12_000L), (lessons.Quantity, lessons.UnitPriceExclVatCents, lessons.AmountExclVatCents, lessons.VatCents, lessons.AmountInclVatCents));
        Assert.Equal([("FA-2026-00041", 30_000L)], final.Content.Deducted.Select(d => (d.Number, d.AmountCents)));
        Assert.Equal([("Chèque", 70_000L)], final.Content.Payments.Select(p => (p.Method, p.AmountCents)));
        Assert.Equal((4_000L, 100_000L, 0L), (final.Content.TouristTaxCents, final.Content.TotalCents, final.Content.DueCents));
    }

    [Fact]
    public void TheWholeAmountAtOnce_GetsTheFinalInvoiceOnly()
    {
        var ledger = Ledger();
        var request = ledger.Ask(PaymentKind.Full, 100_000, "Agent", Now, TimeSpan.FromDays(7));

        ledger.PayOnline(request.Id, "pi_1", Today, "Stripe", Now);

        var final = Assert.Single(ledger.Invoices);
        Assert.Equal(InvoiceKind.Final, final.Kind);
        Assert.Empty(final.Content.Deducted);
        Assert.Equal([("Carte bancaire", 100_000L)], final.Content.Payments.Select(p => (p.Method, p.AmountCents)));
        Assert.Equal(0, final.Content.DueCents);
    }

    [Fact]
    public void WhenTheFinalInvoiceWaitsForProcessing_EveryPaymentGetsADepositInvoice_AndProcessingIssuesTheFinalOnce()
    {
        var ledger = Ledger(processedMode: true);
        ledger.RecordOffline(30_000, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);
        ledger.Number(ledger.Invoices[0], 1, Now);
        ledger.RecordOffline(70_000, PaymentMethod.Cash, "", Today, "Agent", Now);
        ledger.Number(ledger.Invoices[1], 2, Now);
        Assert.Equal([InvoiceKind.Deposit, InvoiceKind.Deposit], ledger.Invoices.Select(i => i.Kind));

        var final = ledger.IssueFinalOnProcessed(Now)!;

        Assert.Equal(["FA-2026-00001", "FA-2026-00002"], final.Content.Deducted.Select(d => d.Number));
        Assert.Empty(final.Content.Payments);
        Assert.Equal(0, final.Content.DueCents);
        Assert.Null(ledger.IssueFinalOnProcessed(Now));
    }

    [Fact]
    public void ProcessedBeforeTheBalance_TheFinalInvoiceShowsWhatIsDue_AndTheBalanceGetsNoOtherInvoice()
    {
        var ledger = Ledger(processedMode: true);
        ledger.RecordOffline(30_000, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);
        ledger.Number(ledger.Invoices[0], 1, Now);

        var final = ledger.IssueFinalOnProcessed(Now)!;
        ledger.RecordOffline(70_000, PaymentMethod.Cheque, "CHQ-2", Today, "Agent", Now);

        Assert.Equal(70_000, final.Content.DueCents);
        Assert.Equal(2, ledger.Invoices.Count);
    }

    [Fact]
    public void WithoutTheAcceptedContent_OrWithMoneyNotCounted_NoInvoiceIsDrafted()
    {
        var old = Ledger(withContent: false);
        old.RecordOffline(30_000, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);
        var paid = Ledger();
        var request = paid.Ask(PaymentKind.Full, 100_000, "Agent", Now, TimeSpan.FromDays(7));
        paid.PayOnline(request.Id, "pi_1", Today, "Stripe", Now);

        var twice = paid.PayOnline(request.Id, "pi_2", Today, "Stripe", Now);

        Assert.Empty(old.Invoices);
        Assert.Equal(OnlinePaymentOutcome.ToRefund, twice.Outcome);
        Assert.Single(paid.Invoices);
    }

    [Fact]
    public void Numbering_GivesTheSeriesNumber_Once_AndTellsTheIssue()
    {
        var ledger = Ledger();
        ledger.RecordOffline(30_000, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);
        var draft = Assert.Single(ledger.Unnumbered);
        _ = ledger.TakeChanges();

        ledger.Number(draft, 7, Now.AddSeconds(1));

        Assert.Equal(("FA-2026-00007", Now.AddSeconds(1), Today), (draft.Number, draft.IssuedAt, draft.IssueDate));
        Assert.Empty(ledger.Unnumbered);
        var issued = Assert.IsType<InvoiceIssued>(Assert.Single(ledger.TakeChanges().Events));
        Assert.Equal(("FA-2026-00007", "Deposit", 30_000L, "Élodie Martin", "elodie@example.fr"), (issued.Number, issued.Kind, issued.AmountCents, issued.CustomerName, issued.CustomerEmail));
        Assert.Throws<InvalidOperationException>(() => ledger.Number(draft, 8, Now));
    }

    [Fact]
    public void ARefund_GetsAnAvoir_NamingTheDepositInvoice_ThenTheFinalOnceIssued()
    {
        var ledger = Ledger();
        var deposit = ledger.RecordOffline(30_000, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);
        ledger.Number(ledger.Invoices[0], 1, Now);

        ledger.RecordRefund(deposit.Id, "re_1", 10_000, Now, Now);
        var avoir = ledger.Unnumbered.Single();
        ledger.Number(avoir, 1, Now);
        ledger.RecordOffline(80_000, PaymentMethod.Cheque, "CHQ-2", Today, "Agent", Now);
        ledger.Number(ledger.FinalInvoice!, 2, Now);
        ledger.RecordRefund(deposit.Id, "re_2", 5_000, Now, Now);

        Assert.Equal((InvoiceKind.CreditNote, "AV-2026-00001", 10_000L, ledger.Invoices[0].Id), (avoir.Kind, avoir.Number, avoir.AmountCents, avoir.CorrectsInvoiceId));
        Assert.Equal(("FA-2026-00001", "Remboursement"), (avoir.Content.Corrects!.Number, avoir.Content.Reason));
        // 10 000 shared as 8 400 at 10 %, 1 200 at 20 % and 400 of tourist tax.
        Assert.Equal([(1000, 8_400L), (2000, 1_200L)], avoir.Content.Lines.Select(l => (l.VatRateBasisPoints, l.AmountInclVatCents)));
        Assert.Equal((400L, 10_000L), (avoir.Content.TouristTaxCents, avoir.Content.TotalCents));
        var second = ledger.Unnumbered.Single();
        Assert.Equal((ledger.FinalInvoice!.Id, 5_000L), (second.CorrectsInvoiceId!.Value, second.AmountCents));
    }

    [Fact]
    public void TheFinalInvoice_DeductsAFactureDAcompte_ForWhatItsAvoirLeft_SoTheInvoicesCountWhatTheCaseHolds()
    {
        var ledger = Ledger();
        var deposit = ledger.RecordOffline(30_000, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);
        ledger.Number(ledger.Invoices[0], 1, Now);
        ledger.RecordRefund(deposit.Id, "re_1", 10_000, Now, Now);
        ledger.Number(ledger.Unnumbered.Single(), 1, Now);

        ledger.RecordOffline(80_000, PaymentMethod.Cheque, "CHQ-2", Today, "Agent", Now);

        var final = ledger.FinalInvoice!;
        Assert.Equal([("FA-2026-00001", 20_000L)], final.Content.Deducted.Select(d => (d.Number, d.AmountCents)));
        Assert.Equal((100_000L, 0L), (final.AmountCents, final.Content.DueCents));
        Assert.Equal((100_000L, 100_000L), (ledger.HeldCents, ledger.InvoicedCents));
    }

    internal static CaseLedger Ledger(bool processedMode = false, bool withContent = true, DateOnly? arrival = null, bool business = false)
    {
        var account = PaymentCase.Open(Guid.NewGuid(), Guid.NewGuid());
        account.Accept(new QuoteAccepted
        {
            OrganisationId = account.OrganisationId, OccurredAt = Now.AddDays(-1), RequestId = account.Id, QuoteId = Guid.NewGuid(), Number = "DEV-2026-00042",
            TotalCents = 100_000, AcceptedBy = "Customer", Version = 1,
            Content = !withContent ? null
                : business ? Content() with { CustomerName = "Alpes Séminaires SARL", CustomerCompanyId = "73282932000074", CustomerVatNumber = "FR44732829320" }
                : Content(),
        });
        if (arrival is { } day)
        {
            account.ChangeStay(new CommercialManagement.Contracts.Dossier.StayChanged
            {
                OrganisationId = account.OrganisationId, OccurredAt = Now.AddDays(-1), RequestId = account.Id, Arrival = day, Departure = day.AddDays(7), Adults = 2,
                ChildrenAges = [], StaffId = Guid.NewGuid(), StaffName = "Agent",
            });
        }

        var seller = OrganisationSettings.Default(account.OrganisationId);
        seller.Apply(new OrganisationChanged
        {
            OrganisationId = account.OrganisationId, OccurredAt = Now.AddDays(-30), Name = "Hôtel des Cimes", Kind = "AccommodationProvider",
            Address = "12 place de l'Église\n73150 Val-d'Isère", Siret = "81234567800019", VatNumber = "FR32812345678", ContactEmail = "contact@cimes.example",
            DepositPercentage = 30, BalanceDueDaysBeforeArrival = 30, QuoteValidityDays = 7, QuoteNumberPrefix = "DEV", TermsOfSale = "", EmailSenderName = "Hôtel des Cimes",
            LegalForm = "SAS au capital de 50 000 €", TradeRegister = "RCS Chambéry", FinalInvoiceWhen = processedMode ? "Processed" : "Paid",
        });
        return new CaseLedger(account, [], [], [], [], seller);
    }

    private static AcceptedQuoteContent Content() => new()
    {
        CustomerName = "Élodie Martin", CustomerAddressLines = ["12 rue des Alpes", "69002 Lyon"], CustomerEmail = "elodie@example.fr", Language = "fr",
        Arrival = new DateOnly(2027, 2, 13), Departure = new DateOnly(2027, 2, 20), Adults = 2,
        Lines =
        [
            new AcceptedQuoteLine
            {
                Label = "Appartement 4 pers.", Quantity = 1, UnitPriceInclVatCents = 84_000, VatRateBasisPoints = 1000, AmountInclVatCents = 84_000,
                AmountExclVatCents = 76_364, VatCents = 7_636, TouristTaxCents = 4_000,
            },
            new AcceptedQuoteLine
            {
                Label = "Cours collectifs", Quantity = 2, UnitPriceInclVatCents = 6_000, VatRateBasisPoints = 2000, AmountInclVatCents = 12_000,
                AmountExclVatCents = 10_000, VatCents = 2_000,
            },
        ],
        VatByRate = [new AcceptedVatRate { RateBasisPoints = 1000, NetCents = 76_364, VatCents = 7_636 }, new AcceptedVatRate { RateBasisPoints = 2000, NetCents = 10_000, VatCents = 2_000 }],
        NetCents = 86_364, VatCents = 9_636, GrossCents = 96_000, TouristTaxCents = 4_000, TotalCents = 100_000,
    };
}
