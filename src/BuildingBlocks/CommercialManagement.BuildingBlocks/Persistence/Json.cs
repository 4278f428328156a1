using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CommercialManagement.BuildingBlocks.Persistence;

/// <summary>A value stored as jsonb, compared by its JSON so that a change inside it is saved.</summary>
public static class Json<T>
{
    public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> Converter = new(
        value => JsonSerializer.Serialize(value, JsonSerializerOptions.Web),
        json => JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web)!);

    public static readonly ValueComparer<T> Comparer = new(
        (a, b) => JsonSerializer.Serialize(a, JsonSerializerOptions.Web) == JsonSerializer.Serialize(b, JsonSerializerOptions.Web),
        value => JsonSerializer.Serialize(value, JsonSerializerOptions.Web).GetHashCode(StringComparison.Ordinal),
        value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!);
}
