using System.Globalization;
using Trap.Dataset.Rows;
using Trap.Science.Extraction.Background;
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

    public bool Contains(SourceTruth source, ImageTruth image) =>
        ExtractionMask.DistanceInside(source.X, source.Y, image.Width, image.Height, Margin, RadiusPix) >= 2 * source.ConvolvedSemiMajorPx;
}
