using CommercialManagement.BuildingBlocks.Legal;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Quote.Api.Domain.Quotes;
using CommercialManagement.Quote.Api.Persistence;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Features.Quotes;

using Quote = CommercialManagement.Quote.Api.Domain.Quotes.Quote;

/// <summary>« Éditer le devis »: a business customer adds its SIREN or SIRET and its VAT number (both optional).</summary>
internal sealed record CustomerBody(string? Name, string? Address, string? Email, string? Phone, string? CompanyId = null, string? VatNumber = null);

internal sealed record AcceptanceBody(string? Note);

/// <summary>The case's quote as the panel shows it; « Éditer le devis » (customer details), sending, acceptance by phone.</summary>
internal static class QuoteEndpoints
{
    public static async Task<Results<Ok<QuoteView>, ProblemHttpResult>> GetByRequestAsync(
        Guid requestId, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var quote = await QuoteWork.CurrentAsync(db, requestId, cancellationToken);
        if (quote is null)
        {
            return await db.Cases.AnyAsync(c => c.Id == requestId, cancellationToken)
                ? TypedResults.Problem(title: "Ce dossier n'a pas encore de devis.", detail: "Ajoutez une première prestation pour créer le devis.", statusCode: StatusCodes.Status404NotFound)
                : CaseNotFound(requestId);
        }

        return TypedResults.Ok(await QuoteWork.ViewAsync(db, quote, ParisTime.Today(time), cancellationToken));
    }

    public static Task<Results<Ok<QuoteView>, ValidationProblem, ProblemHttpResult>> ChangeCustomerAsync(
        Guid quoteId, CustomerBody body, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 200)
        {
            errors["name"] = ["Indiquez le nom du client (200 caractères au plus)."];
        }

        if (string.IsNullOrWhiteSpace(body.Address) || body.Address.Length > 500)
        {
            errors["address"] = ["Indiquez l'adresse postale du client (500 caractères au plus)."];
        }

        if (string.IsNullOrWhiteSpace(body.Email) || body.Email.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(body.Email.Trim(), out _))
        {
            errors["email"] = ["Indiquez une adresse e-mail valide, par exemple nom@exemple.fr."];
        }

        if (body.Phone?.Length > 40)
        {
            errors["phone"] = ["Le téléphone compte au plus 40 caractères."];
        }

        var companyId = BusinessIds.Normalise(body.CompanyId);
        if (companyId is not null && !BusinessIds.IsCompanyId(companyId))
        {
            errors["companyId"] = [BusinessIds.CompanyIdMessage];
        }

        var vatNumber = BusinessIds.Normalise(body.VatNumber);
        if (vatNumber is not null && !BusinessIds.IsVatNumber(vatNumber))
        {
            errors["vatNumber"] = [BusinessIds.VatNumberMessage];
        }

        if (errors.Count > 0)
        {
            return Task.FromResult<Results<Ok<QuoteView>, ValidationProblem, ProblemHttpResult>>(
                TypedResults.ValidationProblem(errors, title: "Les coordonnées du client contiennent des erreurs."));
        }

        var customer = new CustomerDetails(body.Name!.Trim(), body.Address!.Trim(), body.Email!.Trim(), body.Phone?.Trim() ?? "", companyId, vatNumber);
        return ChangeAsync(quoteId, db, time, cancellationToken, (quote, now) =>
        {
            quote.ChangeCustomer(customer, now);
            return Task.CompletedTask;
        });
    }

    public static Task<Results<Ok<QuoteView>, ValidationProblem, ProblemHttpResult>> SendAsync(
        Guid quoteId, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(quoteId, db, time, cancellationToken, async (quote, now) =>
        {
            var organisation = await QuoteWork.OrganisationAsync(db, quote.OrganisationId, cancellationToken);
            var language = await db.Cases.Where(c => c.Id == quote.RequestId).Select(c => c.Language).SingleOrDefaultAsync(cancellationToken) ?? "fr";
            var previousTotal = quote.AcceptedTotals?.TotalCents;
            quote.Send(Domain.Pricing.PaymentSchedule.ValidUntil(ParisTime.Today(time), organisation.QuoteValidityDays, quote.Stay.Arrival), now);
            db.AddToOutbox(new QuoteSent
            {
                OrganisationId = quote.OrganisationId, OccurredAt = now, RequestId = quote.RequestId, QuoteId = quote.Id, Number = quote.Number,
                TotalCents = quote.Totals.TotalCents, Version = quote.Version, ValidUntil = quote.ValidUntil,
                CustomerName = quote.Customer.Name, CustomerEmail = quote.Customer.Email, Language = language, PreviousTotalCents = previousTotal,
            });
        }, changed: false, refuseLostPlaces: true);

    public static Task<Results<Ok<QuoteView>, ValidationProblem, ProblemHttpResult>> AcceptByPhoneAsync(
        Guid quoteId, AcceptanceBody body, HttpContext http, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (body.Note?.Length > 1000)
        {
            return Task.FromResult<Results<Ok<QuoteView>, ValidationProblem, ProblemHttpResult>>(
                TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["note"] = ["La note compte au plus 1000 caractères."] }));
        }

        var staff = http.User.FindFirst(StaffClaims.Name)?.Value ?? "Équipe";
        return ChangeAsync(quoteId, db, time, cancellationToken, async (quote, now) =>
        {
            var previousTotal = quote.AcceptedTotals?.TotalCents;
            quote.Accept(AcceptedBy.Staff, quote.Version, staff, body.Note, ParisTime.Today(time), now);
            db.AddToOutbox(await AcceptedQuote.EventAsync(db, quote, AcceptedBy.Staff, now, cancellationToken, previousTotal));
        }, changed: false);
    }

    /// <summary>« Modifier la commande »: the accepted quote's next version opens as a draft (its lines, re-priced as a draft's).</summary>
    public static Task<Results<Ok<QuoteView>, ValidationProblem, ProblemHttpResult>> OpenAmendmentAsync(
        Guid quoteId, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(quoteId, db, time, cancellationToken, async (quote, now) =>
        {
            await db.Entry(quote).Collection(q => q.Versions).LoadAsync(cancellationToken);
            quote.OpenAmendment(now);
        });

    /// <summary>« Abandonner la modification »: the accepted version back as it was, its places too.</summary>
    public static Task<Results<Ok<QuoteView>, ValidationProblem, ProblemHttpResult>> AbandonAmendmentAsync(
        Guid quoteId, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        ChangeAsync(quoteId, db, time, cancellationToken, async (quote, now) =>
        {
            await db.Entry(quote).Collection(q => q.Versions).LoadAsync(cancellationToken);
            await db.BackToAcceptedAsync(quote, cancellationToken);
            quote.AbandonAmendment(now);
        });

    /// <summary>
    /// One change to a quote in one transaction, the case locked: the change, <c>QuoteChanged</c> (unless it is a move
    /// with its own event), the commit; a move the quote forbids is 409 and nothing is stored.
    /// </summary>
    public static async Task<Results<Ok<QuoteView>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        Guid quoteId, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken, Func<Quote, DateTimeOffset, Task> change, bool changed = true,
        bool refuseLostPlaces = false)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var requestId = await db.Quotes.Where(q => q.Id == quoteId).Select(q => (Guid?)q.RequestId).SingleOrDefaultAsync(cancellationToken);
        if (requestId is null)
        {
            return QuoteNotFound(quoteId);
        }

        await db.LockCaseAsync(requestId.Value, cancellationToken);
        var quote = await db.Quotes.Include(q => q.Lines).SingleAsync(q => q.Id == quoteId, cancellationToken);
        var now = time.GetUtcNow();
        try
        {
            // A draft that gave its places back after its days holds them again before anything else (issue 17).
            await QuoteWork.RestoreHoldsAsync(db, quote, cancellationToken, refuseLostPlaces);
            // An open amendment: its lines' places move as a draft's do, the accepted order's own are lent around the change.
            await db.LendAsync(quote, cancellationToken);
            await change(quote, now);
            await db.KeepAsync(quote, cancellationToken);
        }
        catch (QuoteRuleException refused)
        {
            return Conflict(refused.Message);
        }
        catch (KeyNotFoundException)
        {
            return TypedResults.Problem(title: "Prestation introuvable.", detail: "Cette prestation n'est pas (ou plus) sur ce devis.", statusCode: StatusCodes.Status404NotFound);
        }

        if (changed)
        {
            QuoteWork.Changed(db, quote, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await QuoteWork.ViewAsync(db, quote, ParisTime.Today(time), cancellationToken));
    }

    public static ProblemHttpResult Conflict(string reason) => TypedResults.Problem(title: reason, statusCode: StatusCodes.Status409Conflict);

    public static ProblemHttpResult CaseNotFound(Guid requestId) =>
        TypedResults.Problem(title: "Dossier introuvable.", detail: $"Aucune demande de votre organisation n'a l'identifiant {requestId}.", statusCode: StatusCodes.Status404NotFound);

    public static ProblemHttpResult QuoteNotFound(Guid quoteId) =>
        TypedResults.Problem(title: "Devis introuvable.", detail: $"Aucun devis de votre organisation n'a l'identifiant {quoteId}.", statusCode: StatusCodes.Status404NotFound);
}
