using Trap.Formats.Fits;
using Trap.Images;
using Trap.Simulation.Planning;
using Trap.Simulation.Truth;

namespace Trap.Simulation;

/// <summary>
/// A rendered image in memory: pixels (row-major, index = y·Width + x, Jy/beam), the FITS header it
/// is written with, metadata as Trap's LOFAR accessor would read it, and its truth rows.
/// </summary>
public sealed class SimulatedImage
{
    internal SimulatedImage(ImagePlan plan, FitsHeader header, int[] axes, float[] pixels, ImageMetadata metadata,
        ImageTruth truth, IReadOnlyList<SourceTruth> sources)
    {
        Plan = plan;
        Header = header;
        Axes = axes;
        Pixels = pixels;
        Metadata = metadata;
        Truth = truth;
        Sources = sources;
    }

    public ImagePlan Plan { get; }

    /// <summary>The header as written (bad-metadata images lack their beam or DATE-OBS here).</summary>
    public FitsHeader Header { get; }

    /// <summary>NAXIS1..NAXIS4 for <see cref="FitsWriter.Write"/>.</summary>
    public int[] Axes { get; }

    public float[] Pixels { get; }

    /// <summary>
    /// The metadata from the truth: always complete, with the beam and start time the image was made
    /// with even when its header leaves them out on purpose.
    /// </summary>
    public ImageMetadata Metadata { get; }

    public ImageTruth Truth { get; }

    /// <summary>One row per source of the pointing, in source-id order.</summary>
    public IReadOnlyList<SourceTruth> Sources { get; }

    public int Width => Axes[0];

    public int Height => Axes[1];

    /// <summary>The image as the science stages take it.</summary>
    public SkyImage ToSkyImage() => new(Metadata, Pixels);
}
