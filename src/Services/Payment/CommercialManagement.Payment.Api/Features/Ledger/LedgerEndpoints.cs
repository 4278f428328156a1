using CommercialManagement.Payment.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommercialManagement.Payment.Api.Features.Ledger;

/// <summary>The case's ledger: what was accepted, what was paid, what remains.</summary>
internal static class LedgerEndpoints
{
    public static async Task<Results<Ok<LedgerView>, ProblemHttpResult>> GetByRequestAsync(
        Guid requestId, PaymentDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var ledger = await db.ReadAsync(requestId, cancellationToken);
        if (ledger is not { HasAcceptedQuote: true })
        {
            return NoAcceptedQuote(requestId);
        }

        return TypedResults.Ok(await LedgerWork.ViewAsync(db, ledger, time, cancellationToken));
    }

    public static ProblemHttpResult NoAcceptedQuote(Guid requestId) => TypedResults.Problem(
        title: "Aucun devis accepté pour ce dossier.",
        detail: $"Aucun dossier de votre organisation d'identifiant {requestId} n'a de devis accepté : les paiements suivent l'acceptation du devis.",
        statusCode: StatusCodes.Status404NotFound);
}
