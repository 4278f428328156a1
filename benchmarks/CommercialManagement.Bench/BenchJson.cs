using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommercialManagement.Bench;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Accepted))]
[JsonSerializable(typeof(RequestBody))]
[JsonSerializable(typeof(Received))]
internal sealed partial class BenchJson : JsonSerializerContext;
