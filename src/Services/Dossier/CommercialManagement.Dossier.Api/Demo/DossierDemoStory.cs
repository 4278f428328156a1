using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.Dossier.Api.Domain;
using CommercialManagement.Dossier.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Dossier.Api.Demo;

/// <summary>
/// Dossier's part of the demo story: ticks « Traité » on the demo dossier paid in full that the story takes to
/// « Commande traitée », and archives the one it takes to « Archivé », once the other services' events brought them there.
/// </summary>
internal sealed class DossierDemoStory(IServiceScopeFactory scopes, IHostEnvironment environment, ILogger<DossierDemoStory> logger)
    : DemoStory(scopes, environment, logger)
{
    private const string Actor = "Données de démonstration";

    protected override IEnumerable<DemoCase> Cases => DemoCases.All.Where(c => c.Stage is DemoStage.Processed or DemoStage.Archived);

    protected override async Task<bool> AdvanceAsync(IServiceProvider services, DemoCase demo, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<DossierDbContext>();
        var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Id == demo.Id, cancellationToken);
        var (ready, move) = (demo.Stage, dossier?.Status) switch
        {
            (_, DossierStatus.Processed or DossierStatus.Archived) => (Done: true, Move: (DossierTrigger?)null),
            (DemoStage.Processed, DossierStatus.PaidInFull) => (true, DossierTrigger.MarkProcessed),
            (DemoStage.Archived, DossierStatus.New or DossierStatus.InProgress) => (true, DossierTrigger.Archive),
            _ => (false, null),
        };
        if (move is { } trigger)
        {
            var (history, refusal) = dossier!.StaffMove(trigger, Actor, services.GetRequiredService<TimeProvider>().GetUtcNow());
            if (refusal is not null)
            {
                throw new InvalidOperationException(refusal);
            }

            db.History.AddRange(history);
            await db.SaveChangesAsync(cancellationToken);
        }

        return ready;
    }
}
