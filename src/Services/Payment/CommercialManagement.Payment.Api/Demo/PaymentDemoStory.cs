using System.Security.Claims;
using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Features.Ledger;
using CommercialManagement.Payment.Api.Persistence;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Demo;

/// <summary>
/// Payment's part of the demo story, through the same handler staff use: once a demo case's accepted quote is known here,
/// its deposit by bank transfer for those « Acompte versé », then the balance for those paid in full or processed (one of
/// them pays the whole at once in chèques vacances). Each payment publishes PaymentReceived, so the dossiers move by themselves.
/// </summary>
internal sealed class PaymentDemoStory(IServiceScopeFactory scopes, IHostEnvironment environment, ILogger<PaymentDemoStory> logger)
    : DemoStory(scopes, environment, logger)
{
    private const string Actor = "Données de démonstration";

    /// <summary>The case whose customer pays everything at once, in chèques vacances.</summary>
    public static readonly Guid PaysAtOnce = DemoCases.All.First(c => c.Stage == DemoStage.PaidInFull).Id;

    protected override IEnumerable<DemoCase> Cases => DemoCases.All.Where(c => c.Stage is DemoStage.DepositPaid or DemoStage.PaidInFull or DemoStage.Processed);

    protected override async Task<bool> AdvanceAsync(IServiceProvider services, DemoCase demo, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PaymentDbContext>();
        var time = services.GetRequiredService<TimeProvider>();
        var ledger = await db.ReadAsync(demo.Id, cancellationToken);
        if (ledger is not { HasAcceptedQuote: true } || ledger.Case.AcceptedQuoteVoided)
        {
            return false;
        }

        var percentage = (await LedgerWork.SettingsAsync(db, ledger.Case.OrganisationId, cancellationToken)).DepositPercentage;
        db.ChangeTracker.Clear();
        var number = demo.Id.ToString()[^4..];
        if (ledger.RemainingCents == 0 || (demo.Stage == DemoStage.DepositPaid && ledger.Payments.Count > 0))
        {
            return true;
        }

        if (demo.Id == PaysAtOnce)
        {
            await PayAsync(services, demo.Id, ledger.RemainingCents, PaymentMethod.HolidayVouchers, $"CV-DEMO-{number}", cancellationToken);
            return true;
        }

        var deposit = ledger.Payments.Count == 0;
        // The organisation's share even when arrival is near: the story shows a deposit then a balance.
        var share = Ledger.DepositCents(ledger.Case.AcceptedTotalCents, percentage, null, ParisTime.Today(time), 0);
        await PayAsync(services, demo.Id, deposit ? Math.Min(share, ledger.RemainingCents) : ledger.RemainingCents, PaymentMethod.BankTransfer,
            $"VIR-DEMO-{number}-{(deposit ? "ACOMPTE" : "SOLDE")}", cancellationToken);
        return demo.Stage == DemoStage.DepositPaid;
    }

    private static async Task PayAsync(IServiceProvider services, Guid requestId, long amountCents, PaymentMethod method, string reference, CancellationToken cancellationToken)
    {
        var staff = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(StaffClaims.Name, Actor)], "demo")) };
        var time = services.GetRequiredService<TimeProvider>();
        await OfflinePayments.RecordAsync(
            requestId, new OfflinePaymentBody(amountCents, method.ToString(), reference, ParisTime.Today(time)), staff,
            services.GetRequiredService<PaymentDbContext>(), services.GetRequiredService<Checkout.SessionCloser>(), time, cancellationToken);
    }
}
