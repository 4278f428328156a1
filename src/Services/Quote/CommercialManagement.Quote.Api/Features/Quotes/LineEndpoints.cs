using CommercialManagement.BuildingBlocks.Legal;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Quote.Api.Domain.Pricing;
using CommercialManagement.Quote.Api.Domain.Quotes;
using CommercialManagement.Quote.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Features.Quotes;

internal sealed record AddLineBody(Guid? ProductId, DateOnly? From, DateOnly? To, int? Quantity, int? Participants, int? Seniors, int[]? ChildrenAges);

internal sealed record CustomLineBody(string? Label, string? Description, int? Quantity, long? UnitPriceCents, int? VatRateBasisPoints);

/// <summary>
/// Lines added to a case's quote (the first creates and numbers it): a catalogue product priced for dates inside the
/// stay with its places held, or a « Divers » line. All or nothing, in one transaction with <c>QuoteChanged</c>.
/// </summary>
internal static class LineEndpoints
{
    public const int MaxQuantity = 999;

    /// <summary>The most people one line is for.</summary>
    public const int MaxParticipants = 30;
    public const long MaxUnitPriceCents = Domain.Catalogue.ProductRules.MaxPriceCents;

    public static async Task<Results<Created<QuoteView>, ValidationProblem, ProblemHttpResult>> AddAsync(
        Guid requestId, AddLineBody body, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.ProductId is null)
        {
            errors["productId"] = ["Choisissez un produit du catalogue."];
        }

        if (body.From is null || body.To is null)
        {
            errors["from"] = ["Indiquez les dates de la prestation (dans le séjour)."];
        }

        if (body.Quantity is < 1 or > MaxQuantity)
        {
            errors["quantity"] = [$"La quantité va de 1 à {MaxQuantity}."];
        }

        if (body.Participants is < 1 or > MaxParticipants)
        {
            errors["participants"] = [$"Le nombre de participants va de 1 à {MaxParticipants}."];
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockCaseAsync(requestId, cancellationToken);
        var copy = await db.Cases.SingleOrDefaultAsync(c => c.Id == requestId, cancellationToken);
        if (copy is null)
        {
            return QuoteEndpoints.CaseNotFound(requestId);
        }

        var product = await (await db.VisibleProductsAsync(cancellationToken)).SingleOrDefaultAsync(p => p.Id == body.ProductId && !p.Retired, cancellationToken);
        if (product is null)
        {
            return Invalid(new() { ["productId"] = ["Produit inconnu : il n'est pas (ou plus) dans le catalogue que vous voyez."] });
        }

        var (party, refusal) = LinePricing.PartyFor(copy, body.Participants, body.Seniors, body.ChildrenAges);
        if (refusal is not null)
        {
            return Refused(refusal);
        }

        var now = time.GetUtcNow();
        var today = ParisTime.Today(time);
        try
        {
            var quote = await QuoteWork.OpenAsync(db, copy, now, today, cancellationToken);
            await db.LendAsync(quote, cancellationToken);
            var (lines, full) = await LinePricing.PriceAndHoldAsync(db, product, body.From!.Value, body.To!.Value, body.Quantity ?? 1, party!, copy, cancellationToken);
            if (full is not null)
            {
                return Refused(full);
            }

            foreach (var line in lines)
            {
                quote.AddLine(line, now);
            }

            await db.KeepAsync(quote, cancellationToken);

            QuoteWork.Changed(db, quote, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Created($"/api/quotes/by-request/{requestId}", await QuoteWork.ViewAsync(db, quote, today, cancellationToken));
        }
        catch (QuoteRuleException refused)
        {
            return QuoteEndpoints.Conflict(refused.Message);
        }
    }

    public static async Task<Results<Created<QuoteView>, ValidationProblem, ProblemHttpResult>> AddCustomAsync(
        Guid requestId, CustomLineBody body, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (ValidateCustom(body) is { Count: > 0 } errors)
        {
            return Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockCaseAsync(requestId, cancellationToken);
        var copy = await db.Cases.SingleOrDefaultAsync(c => c.Id == requestId, cancellationToken);
        if (copy is null)
        {
            return QuoteEndpoints.CaseNotFound(requestId);
        }

        var now = time.GetUtcNow();
        var today = ParisTime.Today(time);
        try
        {
            var quote = await QuoteWork.OpenAsync(db, copy, now, today, cancellationToken);
            quote.AddLine(QuoteLine.Custom(body.Label!, body.Description, body.Quantity!.Value, body.UnitPriceCents!.Value, body.VatRateBasisPoints!.Value), now);
            QuoteWork.Changed(db, quote, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Created($"/api/quotes/by-request/{requestId}", await QuoteWork.ViewAsync(db, quote, today, cancellationToken));
        }
        catch (QuoteRuleException refused)
        {
            return QuoteEndpoints.Conflict(refused.Message);
        }
    }

    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "La prestation contient des erreurs.");

    public static Results<Created<QuoteView>, ValidationProblem, ProblemHttpResult> Refused(LineRefusal refusal) => refusal.Conflict
        ? QuoteEndpoints.Conflict(refusal.Message)
        : Invalid(new() { [refusal.Field] = [refusal.Message] });

    private static Dictionary<string, string[]> ValidateCustom(CustomLineBody body)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Label))
        {
            errors["label"] = ["Donnez un libellé à la prestation."];
        }
        else if (body.Label.Trim().Length > 300)
        {
            errors["label"] = ["Le libellé compte au plus 300 caractères."];
        }

        if (body.Description?.Length > 2000)
        {
            errors["description"] = ["La description compte au plus 2000 caractères."];
        }

        if (body.Quantity is not (>= 1 and <= MaxQuantity))
        {
            errors["quantity"] = [$"La quantité va de 1 à {MaxQuantity}."];
        }

        if (body.UnitPriceCents is not (>= 0 and <= MaxUnitPriceCents))
        {
            errors["unitPriceCents"] = ["Indiquez un prix unitaire TTC en centimes, de 0 à 100 000 000 (1 million d'euros)."];
        }

        if (body.VatRateBasisPoints is not { } rate || !Vat.IsAllowed(rate))
        {
            errors["vatRateBasisPoints"] = [$"Taux de TVA inconnu : choisissez {Vat.AllowedLabel}."];
        }

        return errors;
    }
}
