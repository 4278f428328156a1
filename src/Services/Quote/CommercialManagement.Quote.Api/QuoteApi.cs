using CommercialManagement.BuildingBlocks.Idempotency;
using CommercialManagement.Quote.Api.Features.Catalogue;
using CommercialManagement.Quote.Api.Features.CustomerQuote;
using CommercialManagement.Quote.Api.Features.Offers;
using CommercialManagement.Quote.Api.Features.PersonalData;
using CommercialManagement.Quote.Api.Features.Quotes;
using CommercialManagement.ServiceDefaults.Security;

namespace CommercialManagement.Quote.Api;

internal static class QuoteApi
{
    public static IEndpointRouteBuilder MapQuoteApi(this IEndpointRouteBuilder app)
    {
        var catalogue = app.MapGroup("/api/catalogue/products").WithTags("Catalogue");
        catalogue.MapGet("/", CatalogueEndpoints.ListAsync)
            .WithName("ListProducts")
            .WithSummary("The products I see (my organisation's; the booking office also sees the marketplace's): type, search in name and description, retired ones on demand.");
        catalogue.MapGet("/{id:guid}", CatalogueEndpoints.GetAsync)
            .WithName("GetProduct")
            .WithSummary("One product I see, with its seasons, prices, VAT rate and capacity.");
        catalogue.MapPost("/", CatalogueEndpoints.CreateAsync)
            .WithName("CreateProduct")
            .WithIdempotency()
            .WithSummary("An Admin adds a product to their organisation's catalogue (seasons and prices TTC in cents, VAT in basis points); its dates open for sale.")
            .RequireAuthorization(StaffClaims.AdminRole);
        catalogue.MapPut("/{id:guid}", CatalogueEndpoints.UpdateAsync)
            .WithName("UpdateProduct")
            .WithSummary("An Admin changes one of their products (not its type); quotes keep the price they were made at.")
            .RequireAuthorization(StaffClaims.AdminRole);
        catalogue.MapPost("/{id:guid}/retire", CatalogueEndpoints.RetireAsync)
            .WithName("RetireProduct")
            .WithSummary("An Admin takes one of their products off sale; the quotes that hold it keep it.")
            .RequireAuthorization(StaffClaims.AdminRole);

        app.MapGet("/api/catalogue/held-places", HeldPlacesEndpoints.ListAsync)
            .WithTags("Catalogue")
            .WithName("ListHeldPlaces")
            .WithSummary("« Places réservées »: what holds my products' stock (quote, case, places per date, dates, until when); another organisation's quote without its customer.")
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireClaim(StaffClaims.OrganisationId).RequireRole(StaffClaims.AdminRole, StaffClaims.AgentRole));

        var quotes = app.MapGroup("/api/quotes").WithTags("Quotes");
        quotes.MapGet("/by-request/{requestId:guid}", QuoteEndpoints.GetByRequestAsync)
            .WithName("GetQuoteOfRequest")
            .WithSummary("The case's current quote: lines, totals HT/VAT per rate/TTC, tourist tax, deposit and balance, validity, state, version, earlier versions; 404 before its first line.");
        quotes.MapGet("/by-request/{requestId:guid}/offers", OfferEndpoints.ListAsync)
            .WithName("GetQuoteOffers")
            .WithSummary("« Ajouter une prestation »: the products I see of a type, priced for the case's stay and party, available or why not, with the breakdown and proposed dates.");
        quotes.MapPost("/by-request/{requestId:guid}/lines", LineEndpoints.AddAsync)
            .WithName("AddQuoteLine")
            .WithIdempotency()
            .WithSummary("Adds a catalogue product for dates inside the stay (the first line creates and numbers the quote); its places are held, 409 when taken meanwhile.");
        quotes.MapPost("/by-request/{requestId:guid}/custom-lines", LineEndpoints.AddCustomAsync)
            .WithName("AddCustomQuoteLine")
            .WithIdempotency()
            .WithSummary("« Divers »: a made-to-measure line (label, description, quantity, unit price TTC in cents, VAT 0/550/1000/2000).");
        quotes.MapPatch("/{quoteId:guid}/lines/{lineId:guid}", LineChangeEndpoints.ChangeQuantityAsync)
            .WithName("ChangeQuoteLineQuantity")
            .WithSummary("Changes a line's quantity at the price it was added at (a flagged line is priced again); a sent quote becomes a new draft version.");
        quotes.MapDelete("/{quoteId:guid}/lines/{lineId:guid}", LineChangeEndpoints.RemoveAsync)
            .WithName("RemoveQuoteLine")
            .WithSummary("Removes a line and gives back the places it held; a sent quote becomes a new draft version.");
        quotes.MapPut("/{quoteId:guid}/customer", QuoteEndpoints.ChangeCustomerAsync)
            .WithName("ChangeQuoteCustomer")
            .WithSummary("« Éditer le devis »: the customer's name, address, email and phone, stored with the version.");
        quotes.MapPost("/{quoteId:guid}/send", QuoteEndpoints.SendAsync)
            .WithName("SendQuote")
            .WithIdempotency()
            .WithSummary("« Envoyer le devis »: needs a line and the customer's details; sets the validity date and publishes QuoteSent.");
        quotes.MapPost("/{quoteId:guid}/validity", ValidityEndpoints.ExtendAsync)
            .WithName("ExtendQuoteValidity")
            .WithSummary("« Prolonger la validité »: a sent or expired quote valid until a new date (today or later); an expired one is sent again, its places held again or 409 with the reason.")
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireClaim(StaffClaims.OrganisationId).RequireRole(StaffClaims.AdminRole, StaffClaims.AgentRole));
        quotes.MapGet("/{quoteId:guid}/pdf", QuotePdfEndpoint.ShowAsync)
            .WithName("GetQuotePdf")
            .WithSummary("The quote's current version as the customer receives it, in PDF (« ANNULÉ » once voided or refused), shown in the browser.");
        quotes.MapPost("/{quoteId:guid}/acceptance", QuoteEndpoints.AcceptByPhoneAsync)
            .WithName("AcceptQuoteByPhone")
            .WithIdempotency()
            .WithSummary("Staff record an acceptance received by phone (the current, sent, unexpired version): QuoteAccepted by Staff.");
        quotes.MapPost("/{quoteId:guid}/amendment", QuoteEndpoints.OpenAmendmentAsync)
            .WithName("OpenQuoteAmendment")
            .WithIdempotency()
            .WithSummary("« Modifier la commande »: the accepted quote's next version opens as a draft (the accepted one kept for payments); one at a time, 409 otherwise.");
        quotes.MapDelete("/{quoteId:guid}/amendment", QuoteEndpoints.AbandonAmendmentAsync)
            .WithName("AbandonQuoteAmendment")
            .WithSummary("« Abandonner la modification »: back to the accepted version, lines and places as they were.");
        quotes.MapPost("/{quoteId:guid}/refusal", CloseEndpoints.RefuseAsync)
            .WithName("RefuseQuote")
            .WithSummary("Staff record the customer's refusal of the sent quote {reason}: its places are given back, QuoteVoided.");
        quotes.MapPost("/{quoteId:guid}/void", CloseEndpoints.WithdrawAsync)
            .WithName("WithdrawQuote")
            .WithSummary("Staff withdraw a draft or sent quote {reason}: it can no longer be accepted, its places are given back, QuoteVoided.");
        quotes.MapGet("/personal-data", PersonalDataEndpoint.GetAsync)
            .WithName("GetQuotePersonalData")
            .WithSummary("Admins: everything Quote holds about an email address (the case's copy, quotes, lines, sent versions, PDFs), for a GDPR access request.")
            .RequireAuthorization(StaffClaims.AdminRole);

        var customer = app.MapGroup("/customer/quote").WithTags("Customer space").RequireAuthorization(StaffTokenOptions.CustomerScheme);
        customer.MapGet("/", CustomerQuoteEndpoints.GetAsync)
            .WithName("GetCustomerQuote")
            .WithSummary("The quote sent to the customer of the token's case (never a draft): lines, totals, deposit and balance, whether it can be accepted.");
        customer.MapGet("/pdf", CustomerQuoteEndpoints.PdfAsync)
            .WithName("GetCustomerQuotePdf")
            .WithSummary("The PDF of the quote sent to the token's case.");
        customer.MapPost("/acceptance", CustomerQuoteEndpoints.AcceptAsync)
            .WithName("AcceptQuoteOnline")
            .WithIdempotency()
            .WithSummary("The customer accepts the current version, terms ticked (time, address and version recorded): QuoteAccepted by Customer.");
        customer.MapPost("/refusal", CustomerQuoteEndpoints.RefuseAsync)
            .WithName("RefuseQuoteOnline")
            .WithSummary("The customer refuses the quote with a reason: its places are given back, QuoteVoided.");

        // The Notification worker's way to a quote's PDF, with its document token only (no staff token, no customer token).
        // The gateway forwards /api only: this route is never reachable from outside.
        var documents = app.MapGroup("/documents/quotes").WithTags("Documents").RequireAuthorization(DocumentTokenIssuer.Scheme);
        documents.MapGet("/{quoteId:guid}/pdf", QuotePdfEndpoint.GetAsync)
            .WithName("GetQuoteDocument")
            .WithSummary("The quote's PDF (the version asked, else the current one) for the Notification worker to attach to the quote email.");

        return app;
    }
}
