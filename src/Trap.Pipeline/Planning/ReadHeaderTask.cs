using Trap.Engine;
using Trap.Images.Accessors;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Stages;
using Trap.Science.Quality;

namespace Trap.Pipeline.Planning;

/// <summary>Map task of the plan stage: reads one image's header (never decodes its pixels) and fingerprints its file.</summary>
public sealed class ReadHeaderTask : IMapTask<string, PlanEntry>
{
    public PlanEntry Run(string url, JobContext context)
    {
        try
        {
            var config = JobConfigCache.Get(context);
            var metadata = ImageReader.ReadMetadata(url, config.Job.ReadOptions);
            var radiusPix = config.Extraction.ExtractionRadiusPix > 0
                ? config.Extraction.ExtractionRadiusPix
                : 0.5 * Math.Sqrt((double)metadata.Width * metadata.Width + (double)metadata.Height * metadata.Height);
            var beam = metadata.BeamPixels;
            return new PlanEntry(url, null, metadata.StartUtc, metadata.FrequencyHz, metadata.BandwidthHz,
                metadata.CentreRaDeg, metadata.CentreDecDeg, radiusPix * metadata.PixelSizeXDeg,
                beam.SemiMajorPx * metadata.PixelSizeXDeg, ImageFingerprint.Of(url));
        }
        catch (Exception error) when (error is not OperationCanceledException and not OutOfMemoryException)
        {
            return new PlanEntry(url, ImageIngest.Rejected(url, error).ToRecord(), DateTime.MinValue, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }
    }
}
