using Trap.Images;
using Trap.Science.Extraction.Background;
using Trap.Science.Extraction.Fitting;
using Trap.Science.Extraction.Sky;

namespace Trap.Science.Extraction;

/// <summary>
/// Blind source extraction of one image (the map stage, docs/science.md §4): pixel-space extraction, then
/// every measurement converted to a sky record; sources whose RA/Dec errors are infinite are dropped.
/// </summary>
public static class SourceExtractor
{
    public static ExtractionResult Extract(SkyImage image, ExtractionConfig config)
    {
        using var extraction = ExtractWithMaps(image, config);
        return extraction.Result;
    }

    /// <summary>As <see cref="Extract(SkyImage, ExtractionConfig)"/>, also giving the background and RMS maps,
    /// which forced photometry of the same image can reuse instead of computing them again; the caller
    /// owns them (dispose the result to hand their arrays back).</summary>
    public static ExtractionWithMaps ExtractWithMaps(SkyImage image, ExtractionConfig config)
    {
        var meta = image.Metadata;
        return ExtractPixels(image.Pixels, image.Width, image.Height, BeamShape.From(meta.BeamPixels), meta.Wcs.TryPixelToSky, config, meta.Url);
    }

    public static ExtractionResult Extract(float[] pixels, int width, int height, BeamShape beam, PixelToSky wcs,
        ExtractionConfig config, string name)
    {
        using var extraction = ExtractPixels(pixels, width, height, beam, wcs, config, name);
        return extraction.Result;
    }

    private static ExtractionWithMaps ExtractPixels(float[] pixels, int width, int height, BeamShape beam, PixelToSky wcs,
        ExtractionConfig config, string name)
    {
        var pixelResult = PixelExtraction.Run(pixels, width, height, beam, config, name);
        var sources = new List<ExtractedSource>(pixelResult.Measurements.Count);
        foreach (var m in pixelResult.Measurements)
        {
            var source = SkyConverter.Convert(m, wcs, config, out _);
            if (source is not null) sources.Add(source);
        }
        return new ExtractionWithMaps(new ExtractionResult(sources, pixelResult.Maps.RmsMin, pixelResult.Maps.RmsMax, pixelResult.Correlation), pixelResult.Maps);
    }
}

/// <summary>An image's extraction and the background and RMS maps it made; disposing hands the maps' arrays back to their pool.</summary>
public sealed record ExtractionWithMaps(ExtractionResult Result, BackgroundMaps Maps) : IDisposable
{
    public void Dispose() => Maps.Dispose();
}
