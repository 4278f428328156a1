using CommercialManagement.Quote.Api.Domain.Catalogue;

namespace CommercialManagement.Quote.Api.Domain.Pricing;

/// <summary>The people a line is for: adults (some of them seniors, by the caller's word) and children by age.</summary>
internal sealed record Party(int Adults, int Seniors, IReadOnlyList<int> ChildrenAges)
{
    public int Size => Adults + ChildrenAges.Count;

    /// <summary>How many people fall in each lift pass band, in the order a quote shows them.</summary>
    public IReadOnlyList<(AgeBand Band, int Count)> Bands()
    {
        var counts = new Dictionary<AgeBand, int>
        {
            [AgeBand.Adult] = Adults - Seniors,
            [AgeBand.Senior] = Seniors,
            [AgeBand.Child] = 0,
            [AgeBand.Infant] = 0,
        };
        foreach (var age in ChildrenAges)
        {
            counts[AgeBands.OfChild(age)]++;
        }

        return new[] { AgeBand.Adult, AgeBand.Senior, AgeBand.Child, AgeBand.Infant }
            .Where(b => counts[b] > 0).Select(b => (b, counts[b])).ToList();
    }
}
