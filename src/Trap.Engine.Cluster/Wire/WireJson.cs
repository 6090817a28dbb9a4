using System.Text.Json;
using System.Text.Json.Serialization;

namespace Trap.Engine.Cluster.Wire;

/// <summary>
/// How records, keys, outputs and reduce states cross the wire: System.Text.Json with public fields
/// included (value tuples), NaN and infinities allowed (science columns use NaN for "no value") and
/// doubles written in round-trip form, so a value read on the driver equals the one a worker wrote.
/// Types that cross must round-trip through it: public properties or fields, or a constructor whose
/// parameters match them.
/// </summary>
public static class WireJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        IncludeFields = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static string Write(object? value, Type type) => JsonSerializer.Serialize(value, type, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    public static object? Read(string json, Type type) => JsonSerializer.Deserialize(json, type, Options);
}
