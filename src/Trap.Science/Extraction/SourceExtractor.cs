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
        var result = Extract(image, config, out var maps);
        maps.Dispose();
        return result;
    }

    /// <summary>As <see cref="Extract(SkyImage, ExtractionConfig)"/>, also giving the background and RMS maps,
    /// which forced photometry of the same image can reuse instead of computing them again; the caller
    /// owns them (dispose to hand their arrays back).</summary>
    public static ExtractionResult Extract(SkyImage image, ExtractionConfig config, out BackgroundMaps maps)
    {
        var meta = image.Metadata;
        return Extract(image.Pixels, image.Width, image.Height, BeamShape.From(meta.BeamPixels), meta.Wcs.TryPixelToSky,
            config, meta.Url, out maps);
    }

    public static ExtractionResult Extract(float[] pixels, int width, int height, BeamShape beam, PixelToSky wcs,
        ExtractionConfig config, string name)
    {
        var result = Extract(pixels, width, height, beam, wcs, config, name, out var maps);
        maps.Dispose();
        return result;
    }

    private static ExtractionResult Extract(float[] pixels, int width, int height, BeamShape beam, PixelToSky wcs,
        ExtractionConfig config, string name, out BackgroundMaps maps)
    {
        var pixelResult = PixelExtraction.Run(pixels, width, height, beam, config, name);
        maps = pixelResult.Maps;
        var sources = new List<ExtractedSource>(pixelResult.Measurements.Count);
        foreach (var m in pixelResult.Measurements)
        {
            var source = SkyConverter.Convert(m, wcs, config, out _);
            if (source is not null) sources.Add(source);
        }
        return new ExtractionResult(sources, pixelResult.Maps.RmsMin, pixelResult.Maps.RmsMax, pixelResult.Correlation);
    }
}
