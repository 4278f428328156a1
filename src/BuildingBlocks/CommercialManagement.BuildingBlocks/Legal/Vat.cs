namespace CommercialManagement.BuildingBlocks.Legal;

/// <summary>
/// VAT rates in basis points (1000 = 10 %) and the split of an amount that includes VAT (TTC) into its net (HT) and
/// its VAT, rounded once per line to the cent, midpoint away from zero. Quote prices with it; Payment splits the deposits it
/// invoices with it.
/// </summary>
public static class Vat
{
    public static readonly IReadOnlyList<int> AllowedRates = [0, 550, 1000, 2000];

    public static bool IsAllowed(int basisPoints) => AllowedRates.Contains(basisPoints);

    public static string Label(int basisPoints) =>
        (basisPoints / 100m).ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("fr-FR")) + " %";

    public static string AllowedLabel => "0 %, 5,5 %, 10 % ou 20 % (0, 550, 1000 ou 2000 en points de base)";

    /// <summary>HT = round(TTC / (1 + rate)); VAT = TTC − HT, so HT + VAT is always the TTC.</summary>
    public static (long NetCents, long VatCents) Split(long grossCents, int basisPoints)
    {
        if (!IsAllowed(basisPoints))
        {
            throw new ArgumentOutOfRangeException(nameof(basisPoints), basisPoints, "Unknown VAT rate.");
        }

        var net = (long)Math.Round(grossCents * 10_000m / (10_000m + basisPoints), MidpointRounding.AwayFromZero);
        return (net, grossCents - net);
    }
}
