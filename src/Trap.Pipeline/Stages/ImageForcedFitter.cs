using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Formats.Buffers;
using Trap.Images;
using Trap.Images.Accessors;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Output;
using Trap.Pipeline.Work;
using Trap.Science.Association;
using Trap.Science.Extraction.Forced;

namespace Trap.Pipeline.Stages;

/// <summary>
/// Forced photometry in one image (docs/science.md §7.2): reads the pixels again and interpolates the
/// background and RMS of each fit box only, from the node grid blind extraction left in the working
/// folder, so no grid is estimated twice and no whole-image map is made (the values are the
/// extraction's own, bit for bit). The image's blind detections (from the working folder) and every position
/// requested in it are the neighbours a fit is made jointly with (docs/science.md §7.5). Disposing hands
/// the image's pixels back to the pool.
/// </summary>
public sealed class ImageForcedFitter : IDisposable
{
    private readonly ForcedPhotometer? _photometer;
    private readonly SkyImage? _image;
    private readonly long _imageId;
    private readonly AssociationConfig _association;

    /// <param name="requested">Every position that will be fitted in this image (neighbours of each other).</param>
    /// <param name="blindNeighbours">
    /// Whether the image's blind detections are neighbours too; false for group fits, whose neighbours are catalogue
    /// positions given in <paramref name="requested"/> (docs/science.md, "Group fits of blended candidates").
    /// </param>
    public ImageForcedFitter(long imageId, string url, WorkFolder work, JobConfig config, IEnumerable<(double RaDeg, double DecDeg)> requested,
        bool blindNeighbours = true)
    {
        _imageId = imageId;
        _association = config.Association;
        SkyImage image;
        try
        {
            _image = image = ImageReader.Read(url, config.Job.ReadOptions);
        }
        catch (ImageFormatException)
        {
            // The file changed or vanished since extraction: no forced fits here, and the run goes on.
            return;
        }
        _photometer = ForcedPhotometer.For(image, config.Extraction, BackgroundGridFile.Read(work.BackgroundGrid(imageId)),
            !config.Extraction.JointForcedFits ? null : blindNeighbours ? BlindPositions(work, imageId).Concat(requested) : requested);
    }

    private static IEnumerable<(double RaDeg, double DecDeg)> BlindPositions(WorkFolder work, long imageId)
    {
        var file = work.Extractions(imageId);
        return File.Exists(file) ? WorkFile.Read<ExtractedSourceRow>(file).Select(r => (r.RaDeg, r.DecDeg)) : [];
    }

    /// <summary>The measurement at the requested position as an extracted_sources row (id <paramref name="sourceId"/>), or null when it cannot be fitted.</summary>
    public ExtractedSourceRow? Fit(ForcedFitRequest request, long sourceId)
    {
        if (_photometer is null) return null;
        if (_photometer.Fit(request.RaDeg, request.DecDeg).Source is not { } s) return null;
        var type = request.Kind == ForcedFitKind.NullDetection ? ExtractType.NullDetection : ExtractType.Monitor;
        var errors = PositionErrors.Derive(s.Dec, s.RaErr, s.DecErr, s.ErrorRadiusArcsec, _association);
        return RowMapping.Source(sourceId, _imageId, type, s, errors, request.RuncatId, request.MonitorId);
    }

    public void Dispose()
    {
        _image?.Dispose();
    }
}
