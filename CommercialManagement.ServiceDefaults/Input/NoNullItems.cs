using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CommercialManagement.ServiceDefaults.Input;

/// <summary>
/// A list of objects or texts read from a JSON body never holds null: <c>"seasons": [null]</c> or
/// <c>"allowedOrigins": [null]</c> fails the binding, answered 400 naming the item, instead of reaching code that trusts
/// its items. A check after each object is read (a type-info modifier), so that the written JSON and the described
/// route tables stay the framework's own.
/// </summary>
public static class NoNullItems
{
    public static IJsonTypeInfoResolver Guard(IJsonTypeInfoResolver? resolver) =>
        (resolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(Modify);

    private static void Modify(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var lists = info.Properties.Where(p => p.Get is not null && ItemType(p.PropertyType) is { IsValueType: false }).ToList();
        if (lists.Count == 0)
        {
            return;
        }

        var previous = info.OnDeserialized;
        info.OnDeserialized = read =>
        {
            foreach (var list in lists)
            {
                if (list.Get!(read) is not IEnumerable items)
                {
                    continue;
                }

                var index = 0;
                foreach (var item in items)
                {
                    if (item is null)
                    {
                        throw new NullItemException($"{list.Name}[{index}]");
                    }

                    index++;
                }
            }

            previous?.Invoke(read);
        };
    }

    private static Type? ItemType(Type type)
    {
        if (type.IsArray && type.GetArrayRank() == 1)
        {
            return type.GetElementType();
        }

        if (!type.IsGenericType)
        {
            return null;
        }

        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(List<>) || definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>)
               || definition == typeof(IReadOnlyCollection<>) || definition == typeof(ICollection<>) || definition == typeof(IEnumerable<>)
            ? type.GetGenericArguments()[0]
            : null;
    }
}

/// <summary>An empty item (null) in a list of a JSON body, and where it was.</summary>
public sealed class NullItemException(string field) : JsonException("Une liste contient une valeur vide (null).")
{
    public string Field { get; } = field;
}
