using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Engine;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Output;
using Trap.Pipeline.Work;
using Trap.Science.Association;
using Trap.Science.Extraction;
using Trap.Science.Quality;

namespace Trap.Pipeline.Stages;

/// <summary>
/// The map over every image of the job (docs/architecture.md, stage 2): read it, run quality control (all checks but
/// the sequential historical one, which the driver applies in observation order) and, when accepted,
/// extract its sources. The extractions (extracted_sources rows with their final ids and derived
/// position errors) and the background grid go to the working folder; the driver gets a summary.
/// A bad image becomes a rejection; nothing here throws for bad input. The image's pixels and maps
/// go back to the pool when the task ends, for the next image this worker reads.
/// </summary>
public sealed class ExtractImageTask : IMapTask<ImageWork, ImageSummary>
{
    public ImageSummary Run(ImageWork work, JobContext context)
    {
        var summary = Extract(work, context);
        WorkCache.WriteSummary(new WorkFolder(work.WorkFolder), summary);
        return summary;
    }

    private static ImageSummary Extract(ImageWork work, JobContext context)
    {
        var config = JobConfigCache.Get(context);
        using var ingested = ImageIngest.Ingest(work.Url, new ImageQualityControl(config.Quality), config.Job.ReadOptions);
        var quality = ingested.Verdict.ToRecord();
        if (ingested.Accepted is not { } image)
        {
            return new ImageSummary(work.ImageId, quality, null, 0, double.NaN, double.NaN, null);
        }
        var m = image.Metadata;
        var beam = m.BeamPixels;
        var facts = new ImageFacts(m.Telescope, m.Accessor, m.Stokes, m.Width, m.Height, m.PixelSizeXDeg, m.PixelSizeYDeg,
            m.Beam.MajorFwhmDeg, m.Beam.MinorFwhmDeg, m.Beam.PositionAngleDeg, beam.SemiMajorPx, beam.SemiMinorPx);
        ExtractionWithMaps extraction;
        try
        {
            extraction = SourceExtractor.ExtractWithMaps(image, config.Extraction);
        }
        catch (ExtractionException error)
        {
            return new ImageSummary(work.ImageId, quality, facts, 0, double.NaN, double.NaN, error.Message);
        }
        using var owned = extraction; // the maps are this task's to hand back once the grid is written
        var (result, maps) = (extraction.Result, extraction.Maps);
        var folder = new WorkFolder(work.WorkFolder);
        var rows = new List<ExtractedSourceRow>(result.Sources.Count);
        for (var k = 0; k < result.Sources.Count; k++)
        {
            var s = result.Sources[k];
            var errors = PositionErrors.Derive(s.Dec, s.RaErr, s.DecErr, s.ErrorRadiusArcsec, config.Association);
            rows.Add(RowMapping.Source(MeasurementIds.Blind(work.ImageId, k), work.ImageId, ExtractType.Blind, s, errors));
        }
        WorkFile.Write(folder.Extractions(work.ImageId), rows);
        BackgroundGridFile.Write(folder.BackgroundGrid(work.ImageId), maps.Layout with { Correlation = result.Correlation });
        return new ImageSummary(work.ImageId, quality, facts, rows.Count, result.RmsMin, result.RmsMax, null);
    }
}
