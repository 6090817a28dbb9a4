using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Output;
using Trap.Pipeline.Work;
using Trap.Science.Association;
using Trap.Science.Extraction;
using Trap.Science.Extraction.Background;
using Trap.Science.Quality;

namespace Trap.Pipeline.Stages;

/// <summary>
/// One image's extraction held in memory before it is written to the work folder: its QC record, header
/// facts, blind extractions and background grid. None of it depends on the image's id, which only names
/// the files and numbers the measurements when <see cref="WriteTo"/> writes them, so `trap stream` can
/// extract an image as it arrives and write it once its batch gives it an id (docs/streaming.md,
/// "Extraction ahead of the batch"). A few tens of kB per image: about 100 sources and a node grid.
/// </summary>
public sealed class ImageExtraction
{
    private readonly IReadOnlyList<ExtractedSource> _sources;
    private readonly BackgroundLayout? _grid;

    private ImageExtraction(QualityRecord quality, ImageFacts? facts, IReadOnlyList<ExtractedSource> sources, BackgroundLayout? grid,
        double rmsMin, double rmsMax, string? error)
    {
        (Quality, Facts, _sources, _grid, RmsMin, RmsMax, Error) = (quality, facts, sources, grid, rmsMin, rmsMax, error);
    }

    public QualityRecord Quality { get; }

    public ImageFacts? Facts { get; }

    public double RmsMin { get; }

    public double RmsMax { get; }

    public string? Error { get; }

    /// <summary>
    /// Reads the image, runs quality control (all checks but the sequential historical one) and, when
    /// accepted, extracts its sources. A bad image is a rejection; nothing here throws for bad input.
    /// The pixels and maps go back to the pool before it returns.
    /// </summary>
    public static ImageExtraction Of(string url, JobConfig config)
    {
        using var ingested = ImageIngest.Ingest(url, new ImageQualityControl(config.Quality), config.Job.ReadOptions);
        var quality = ingested.Verdict.ToRecord();
        if (ingested.Accepted is not { } image) return new ImageExtraction(quality, null, [], null, double.NaN, double.NaN, null);
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
            return new ImageExtraction(quality, facts, [], null, double.NaN, double.NaN, error.Message);
        }
        using var owned = extraction; // the maps go back to the pool; their node grid is not pooled and is kept
        var result = extraction.Result;
        return new ImageExtraction(quality, facts, result.Sources, extraction.Maps.Layout with { Correlation = result.Correlation },
            result.RmsMin, result.RmsMax, null);
    }

    /// <summary>
    /// Writes the extraction as image <paramref name="imageId"/>: its extracted_sources rows (with their
    /// final ids and derived position errors) and background grid when it was extracted, and always its
    /// summary, which it returns.
    /// </summary>
    public ImageSummary WriteTo(WorkFolder folder, long imageId, AssociationConfig association)
    {
        if (_grid is not null)
        {
            var rows = new List<ExtractedSourceRow>(_sources.Count);
            for (var k = 0; k < _sources.Count; k++)
            {
                var s = _sources[k];
                var errors = PositionErrors.Derive(s.Dec, s.RaErr, s.DecErr, s.ErrorRadiusArcsec, association);
                rows.Add(RowMapping.Source(MeasurementIds.Blind(imageId, k), imageId, ExtractType.Blind, s, errors));
            }
            WorkFile.Write(folder.Extractions(imageId), rows);
            BackgroundGridFile.Write(folder.BackgroundGrid(imageId), _grid);
        }
        var summary = new ImageSummary(imageId, Quality, Facts, _grid is null ? 0 : _sources.Count, RmsMin, RmsMax, Error);
        WorkCache.WriteSummary(folder, summary);
        return summary;
    }
}
