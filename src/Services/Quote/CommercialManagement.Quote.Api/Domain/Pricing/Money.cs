using System.Globalization;

namespace CommercialManagement.Quote.Api.Domain.Pricing;

/// <summary>The French date of a stay, shares of an amount in cents, plurals (euros: <c>Euros</c> in BuildingBlocks).</summary>
internal static class Money
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", French);

    /// <summary>A share of an amount in cents, rounded to the cent, midpoint away from zero.</summary>
    public static long Percent(long cents, int percent) =>
        (long)Math.Round(cents * percent / 100m, MidpointRounding.AwayFromZero);

    public static string Plural(int count, string one, string many) => count > 1 ? $"{count} {many}" : $"{count} {one}";
}
