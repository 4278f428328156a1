using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.Inbox.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Inbox.Api.Features.Requests;

/// <summary>
/// What « Demandes » finds for what staff type. From 3 characters on, the text anywhere in the name, the email or
/// the phone (served by the trigram index <c>ix_requests_search</c>). With 1 or 2 characters, a word of the name,
/// email or phone that starts with them: « Lé » finds Léa Martin and Paul Lévêque, not Cléa; « 06 » a number that
/// starts with 06. Anywhere would match a large share of the requests with nothing to tell them apart, and no trigram
/// exists to find them: each such search read the whole table, three ILIKEs a row (docs/benchmarks.md).
/// Both ignore case and respect accents.
/// </summary>
internal static class RequestSearch
{
    /// <summary>A shorter search looks for words that start with it.</summary>
    public const int MinSubstringLength = 3;

    /// <summary>
    /// What separates words, here and in <c>request_search_prefixes</c> (migration <c>RequestSearchWordPrefixes</c>),
    /// which keeps in the stored column <c>SearchPrefixes</c> the first one and two letters of every word.
    /// </summary>
    public const string Separators = "@._+'’(),/:;-";

    public const string PrefixesColumn = "SearchPrefixes";

    public static IQueryable<Request> Matching(this IQueryable<Request> requests, string search)
    {
        var typed = search.Trim();
        if (typed.Length >= MinSubstringLength)
        {
            // %, _ and \ typed by staff are literals. The escape character must be named: without it Npgsql writes
            // ESCAPE '' and the backslashes would match themselves. The trigram index serves the three ILIKEs (a BitmapOr).
            var pattern = SubstringSearch.Pattern(typed);
            return requests.Where(r => EF.Functions.ILike(r.CustomerName, pattern, SubstringSearch.Escape)
                || EF.Functions.ILike(r.CustomerEmail, pattern, SubstringSearch.Escape)
                || (r.CustomerPhone != null && EF.Functions.ILike(r.CustomerPhone, pattern, SubstringSearch.Escape)));
        }

        // « j- » or « +3 »: the separators cannot start a word, the letters can.
        List<string> prefix = [string.Concat(typed.Where(c => !char.IsWhiteSpace(c) && !Separators.Contains(c))).ToLowerInvariant()];
        return prefix[0].Length == 0
            ? requests.Where(r => false)
            : requests.Where(r => EF.Property<List<string>>(r, PrefixesColumn).Any(p => prefix.Contains(p)));
    }
}
