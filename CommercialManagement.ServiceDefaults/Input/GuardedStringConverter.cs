using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommercialManagement.ServiceDefaults.Input;

/// <summary>
/// Every string read from a JSON body goes through here: one that <see cref="InputText"/> refuses fails the binding,
/// which <see cref="InputProblems"/> answers as 400 naming the field. Written strings are left as they are.
/// </summary>
public sealed class GuardedStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException();
        }

        string? value;
        try
        {
            value = reader.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") cannot be transcoded.
            throw new RefusedTextException();
        }

        return InputText.IsAcceptable(value) ? value : throw new RefusedTextException();
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>A JSON string <see cref="InputText"/> refuses (the serializer adds where it was).</summary>
public sealed class RefusedTextException : JsonException
{
    public RefusedTextException()
        : base(InputText.Refusal)
    {
    }
}
