using Trap.Web.Plots;

namespace Trap.Web.Pages;

/// <summary>TraP's extract_type: 0 blind detection, 1 forced fit at a null detection, 2 monitoring-list forced fit; one marker each.</summary>
public sealed record ExtractKind(int Type, string Label, Marker Marker, string CssClass)
{
    public static readonly IReadOnlyList<ExtractKind> All =
    [
        new(0, "detection", Marker.Circle, "detection"),
        new(1, "forced fit", Marker.Square, "forced"),
        new(2, "monitoring fit", Marker.Diamond, "monitor"),
    ];

    public static ExtractKind Of(int type) => All.FirstOrDefault(k => k.Type == type) ?? new(type, "type " + type, Marker.Square, "forced");

    public static string NameOf(int type) => Of(type).Label;
}
