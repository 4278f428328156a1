using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.Quote.Api.Persistence;
using CommercialManagement.ServiceDefaults;

namespace CommercialManagement.Quote.Api;

/// <summary>Catalogue, quotes, PDFs and acceptance: built in the quote issue.</summary>
internal static class QuoteModule
{
    public static IHostApplicationBuilder AddQuoteServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<QuoteDbContext>(ResourceNames.QuoteDb);
        builder.AddMessaging<QuoteDbContext>("quote");
        return builder;
    }
}
