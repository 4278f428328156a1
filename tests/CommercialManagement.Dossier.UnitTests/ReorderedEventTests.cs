using CommercialManagement.Dossier.Api.Domain;

namespace CommercialManagement.Dossier.UnitTests;

/// <summary>
/// A case's quote events delivered in every order end where they end in order (docs/architecture.md, « Ordering »: no order
/// is promised to consumers): quote 1 accepted, then voided when the stay changed, then quote 2 accepted.
/// </summary>
public sealed class ReorderedEventTests
{
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();

    private static readonly (string Name, Action<Api.Domain.Dossier> Apply)[] InOrder =
    [
        ("Q1 accepted", d => d.QuoteAccepted(First, "DEV-2026-00001", 100_000, "Customer", Cases.At(10))),
        ("Q1 voided", d => d.QuoteVoided(First, "Le séjour a changé.", Cases.At(20))),
        ("Q2 accepted", d => d.QuoteAccepted(Second, "DEV-2026-00002", 90_000, "Customer", Cases.At(30))),
    ];

    [Theory]
    [InlineData("Request")]
    [InlineData("New")]
    [InlineData("InProgress")]
    public void QuoteAcceptedVoidedAndReplaced_InEveryOrder_EndAsInOrder(string column)
    {
        var start = Enum.Parse<DossierStatus>(column);
        for (var length = 1; length <= InOrder.Length; length++)
        {
            var events = InOrder[..length];
            var expected = Final(start, events);
            foreach (var order in Permutations(events))
            {
                Assert.True(expected == Final(start, order), $"From {start}, {string.Join(", ", order.Select(e => e.Name))} ended {Final(start, order)}, in order {expected}.");
            }
        }
    }

    private static (DossierStatus Status, Guid? Accepted, long? Total, string? Number) Final(DossierStatus start, IEnumerable<(string Name, Action<Api.Domain.Dossier> Apply)> events)
    {
        var dossier = Cases.In(start);
        foreach (var (_, apply) in events)
        {
            apply(dossier);
        }

        return (dossier.Status, dossier.AcceptedQuoteId, dossier.AcceptedTotalCents, dossier.QuoteNumber);
    }

    private static IEnumerable<T[]> Permutations<T>(T[] items) => items.Length <= 1
        ? [items]
        : items.SelectMany((item, i) => Permutations([.. items[..i], .. items[(i + 1)..]]).Select(rest => (T[])[item, .. rest]));
}
