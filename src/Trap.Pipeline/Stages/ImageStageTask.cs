using Trap.Engine;
using Trap.Pipeline.Configuration;
using Trap.Science.Extraction;
using Trap.Science.Quality;

namespace Trap.Pipeline.Stages;

/// <summary>
/// The map stage of every image: read it, run quality control (all checks but the sequential
/// historical one, which the driver applies in observation order) and, when accepted, extract its
/// sources. A bad image becomes a rejection; nothing here throws for bad input.
/// </summary>
public sealed class ImageStageTask : IMapTask<ImageWork, ImageOutcome>
{
    public ImageOutcome Run(ImageWork work, JobContext context)
    {
        var config = JobConfigCache.Get(context);
        var ingested = ImageIngest.Ingest(work.Url, new ImageQualityControl(config.Quality));
        var quality = ingested.Verdict.ToRecord();
        if (ingested.Accepted is not { } image)
        {
            return new ImageOutcome(work.ImageId, quality, null, Array.Empty<ExtractedSource>(), double.NaN, double.NaN, null);
        }
        var m = image.Metadata;
        var beam = m.BeamPixels;
        var facts = new ImageFacts(m.Telescope, m.Accessor, m.Stokes, m.Width, m.Height, m.PixelSizeXDeg, m.PixelSizeYDeg,
            m.Beam.MajorFwhmDeg, m.Beam.MinorFwhmDeg, m.Beam.PositionAngleDeg, beam.SemiMajorPx, beam.SemiMinorPx);
        try
        {
            var result = SourceExtractor.Extract(image, config.Extraction, out var maps);
            RecentImages.Keep(image, maps);
            return new ImageOutcome(work.ImageId, quality, facts, result.Sources, result.RmsMin, result.RmsMax, null);
        }
        catch (ExtractionException error)
        {
            return new ImageOutcome(work.ImageId, quality, facts, Array.Empty<ExtractedSource>(), double.NaN, double.NaN, error.Message);
        }
    }
}
