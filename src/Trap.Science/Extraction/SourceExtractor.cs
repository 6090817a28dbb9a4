using Trap.Images;
using Trap.Science.Extraction.Fitting;
using Trap.Science.Extraction.Sky;

namespace Trap.Science.Extraction;

/// <summary>
/// Blind source extraction of one image (the map stage, trap-facts §4): pixel-space extraction, then
/// every measurement converted to a sky record; sources whose RA/Dec errors are infinite are dropped.
/// </summary>
public static class SourceExtractor
{
    public static ExtractionResult Extract(SkyImage image, ExtractionConfig config)
    {
        var meta = image.Metadata;
        return Extract(image.Pixels, image.Width, image.Height, BeamShape.From(meta.BeamPixels), meta.Wcs.TryPixelToSky, config, meta.Url);
    }

    public static ExtractionResult Extract(float[] pixels, int width, int height, BeamShape beam, PixelToSky wcs,
        ExtractionConfig config, string name)
    {
        var pixelResult = PixelExtraction.Run(pixels, width, height, beam, config, name);
        var sources = new List<ExtractedSource>(pixelResult.Measurements.Count);
        foreach (var m in pixelResult.Measurements)
        {
            var source = SkyConverter.Convert(m, wcs, config, out _);
            if (source is not null) sources.Add(source);
        }
        return new ExtractionResult(sources, pixelResult.Maps.RmsMin, pixelResult.Maps.RmsMax);
    }
}
