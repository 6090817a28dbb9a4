using System.Globalization;
using Trap.Pipeline.Output.Rows;
using Trap.Simulation.Truth;

namespace Trap.Pipeline.Scoring;

/// <summary>
/// The part of an image blind extraction searches (the run's margin and extraction circle), less two
/// beam semi-axes so a counted source's island lies wholly inside it.
/// </summary>
public sealed record SearchedArea(double Margin, double RadiusPix)
{
    /// <summary>From the run's stored configuration ([source_extraction] margin, extraction_radius_pix).</summary>
    public static SearchedArea From(IReadOnlyList<ConfigRow> config)
    {
        double Value(string key) => config.FirstOrDefault(c => c.Section == "source_extraction" && c.Key == key) is { } row
            ? double.Parse(row.Value, CultureInfo.InvariantCulture)
            : throw new InvalidDataException($"the run's config table has no [source_extraction] {key}");
        return new SearchedArea(Value("margin"), Value("extraction_radius_pix"));
    }

    public bool Contains(SourceTruth source, ImageTruth image)
    {
        var inset = 2 * source.ConvolvedSemiMajorPx;
        var edge = Margin + inset;
        if (source.X < edge || source.Y < edge || source.X > image.Width - 1 - edge || source.Y > image.Height - 1 - edge) return false;
        if (RadiusPix <= 0) return true;
        double dx = source.X - (image.Width - 1) / 2.0, dy = source.Y - (image.Height - 1) / 2.0;
        return Math.Sqrt(dx * dx + dy * dy) <= RadiusPix - inset;
    }
}
