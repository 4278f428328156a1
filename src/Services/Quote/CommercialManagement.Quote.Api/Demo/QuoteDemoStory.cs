using System.Security.Claims;
using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.Quote.Api.Domain.Catalogue;
using CommercialManagement.Quote.Api.Domain.Quotes;
using CommercialManagement.Quote.Api.Features.Offers;
using CommercialManagement.Quote.Api.Features.Quotes;
using CommercialManagement.Quote.Api.Persistence;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Demo;

/// <summary>
/// Quote's part of the demo story, through the same handlers staff use: a quote with a few catalogue products for
/// every demo case past the request stage, sent to the customer for those « en cours » and beyond, accepted for
/// those awaiting payment and beyond. Each step publishes what it would for real (QuoteChanged, QuoteSent,
/// QuoteAccepted), so the dossiers move on the board by themselves.
/// </summary>
internal sealed class QuoteDemoStory(IServiceScopeFactory scopes, IHostEnvironment environment, ILogger<QuoteDemoStory> logger)
    : DemoStory(scopes, environment, logger)
{
    private const string Actor = "Données de démonstration";

    protected override IEnumerable<DemoCase> Cases => DemoCases.All.Where(c => c.Stage > DemoStage.Request);

    protected override async Task<bool> AdvanceAsync(IServiceProvider services, DemoCase demo, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<QuoteDbContext>();
        var time = services.GetRequiredService<TimeProvider>();
        if (!await db.Cases.AnyAsync(c => c.Id == demo.Id, cancellationToken))
        {
            return false;
        }

        var quote = await QuoteWork.CurrentAsync(db, demo.Id, cancellationToken);
        if (quote is null)
        {
            await AddLinesAsync(db, time, demo, cancellationToken);
            return false;
        }

        var wanted = demo.Stage >= DemoStage.AwaitingPayment ? QuoteState.Accepted : demo.Stage >= DemoStage.InProgress ? QuoteState.Sent : QuoteState.Draft;
        switch (quote.State)
        {
            case QuoteState.Draft when wanted > QuoteState.Draft:
                await QuoteEndpoints.ChangeCustomerAsync(quote.Id, new CustomerBody(demo.Name, "12 rue des Alpes\n69002 Lyon", demo.Email, demo.Phone), db, time, cancellationToken);
                await QuoteEndpoints.SendAsync(quote.Id, db, time, cancellationToken);
                return false;
            case QuoteState.Sent when wanted == QuoteState.Accepted:
                var staff = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(StaffClaims.Name, Actor)], "demo")) };
                await QuoteEndpoints.AcceptByPhoneAsync(quote.Id, new AcceptanceBody("Accord donné par téléphone."), staff, db, time, cancellationToken);
                return false;
            default:
                return true;
        }
    }

    /// <summary>The first available product of each type the seller offers, as the panel proposes it for the stay.</summary>
    private static async Task AddLinesAsync(QuoteDbContext db, TimeProvider time, DemoCase demo, CancellationToken cancellationToken)
    {
        var added = 0;
        foreach (var type in new[] { ProductType.Accommodation, ProductType.SkiLesson, ProductType.LiftPass })
        {
            var offers = (await OfferEndpoints.ListAsync(demo.Id, type, null, null, db, cancellationToken)).Result is Ok<List<Offer>> { Value: { } list } ? list : [];
            var offer = offers.FirstOrDefault(o => o.Available && o.OwnedByMe) ?? offers.FirstOrDefault(o => o.Available);
            if (offer is null)
            {
                continue;
            }

            var result = await LineEndpoints.AddAsync(demo.Id, new AddLineBody(offer.ProductId, offer.From, offer.To, offer.Quantity, offer.Participants, null, null), db, time, cancellationToken);
            added += result.Result is Created<QuoteView> ? 1 : 0;
            db.ChangeTracker.Clear();
        }

        if (added == 0)
        {
            // Out of the demo catalogue's season: a made-to-measure line keeps the story going.
            await LineEndpoints.AddCustomAsync(demo.Id, new CustomLineBody("Séjour à Val Nevé", "Hébergement et forfaits, sur mesure.", 1, 98_000, 1000), db, time, cancellationToken);
        }
    }
}
