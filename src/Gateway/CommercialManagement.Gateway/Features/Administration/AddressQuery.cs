using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace CommercialManagement.Gateway.Features.Administration;

/// <summary>
/// The filters a page keeps in its address, in the names the service's API reads: written with only the values set
/// (escaped), read leniently (what cannot be read is left out), so a reload or a shared link shows the same page.
/// </summary>
internal sealed class AddressQuery
{
    private readonly Dictionary<string, StringValues> values;

    private AddressQuery(Dictionary<string, StringValues> values) => this.values = values;

    public static AddressQuery Parse(string query) => new(QueryHelpers.ParseQuery(query));

    public string? Text(string name) => values.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString() : null;

    public DateOnly? Day(string name) =>
        DateOnly.TryParseExact(Text(name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    /// <summary>« name=value » for each value given, joined by « &amp; ».</summary>
    public static string Join(params (string Name, string? Value)[] parts) =>
        string.Join('&', parts.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));

    public static string? Of(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
