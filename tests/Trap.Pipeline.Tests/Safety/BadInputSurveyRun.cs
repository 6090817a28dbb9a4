using Trap.Dataset;
using Trap.Dataset.Rows;
using Trap.Formats.Fits;
using Trap.Pipeline.Output;
using Trap.Pipeline.Tests.EndToEnd;
using Trap.Simulation;

namespace Trap.Pipeline.Tests.Safety;

/// <summary>
/// A small clean survey with every kind of bad input added beside its images, run end to end once:
/// a FIFO, a gzip whose header promises a 30000² plane, a byte-for-byte copy, a year-9999 date, a
/// 1e38 pixel and a symlink cycle.
/// </summary>
public sealed class BadInputSurveyRun : GeneratedSurveyRun
{
    public BadInputSurveyRun() : base("trap-bad-input-")
    {
    }

    public static SurveySpec Spec => new()
    {
        Seed = 5, Timesteps = 3, Pointings = 1, IncludeRaWrapPointing = false, IncludeHighDecPointing = false,
        BandFrequenciesHz = [150e6], BadImages = BadImageFractions.None,
    };

    public string Images => Path.Combine(Folder, "images");

    /// <summary>The survey's first image; <see cref="CopyPath"/> is a byte-for-byte copy of it.</summary>
    public string Original => Directory.GetFiles(Path.Combine(Images, "p00"), "*.fits").Order(StringComparer.Ordinal).First();

    public string CopyPath => Path.Combine(Images, "zz-copy.fits");

    public List<ImageRow> ImageRows { get; private set; } = null!;

    public List<RejectionRow> Rejections { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await RunAsync(Spec, beforeRun: AddBadInputs);
        ImageRows = await Read<ImageRow>(DatasetTables.Images);
        Rejections = await Read<RejectionRow>(DatasetTables.Rejections);
    }

    private void AddBadInputs()
    {
        SafetyFiles.MakeFifo(Path.Combine(Images, "pipe.fits"));
        // Named .fits, gzip inside: the detector goes by content. Only the header says 30000 × 30000.
        var huge = SafetyFiles.WithCard(Original, "NAXIS1", "30000");
        File.WriteAllBytes(Path.Combine(Folder, "half.fits"), huge);
        SafetyFiles.WriteGzip(Path.Combine(Images, "huge.fits"), SafetyFiles.WithCard(Path.Combine(Folder, "half.fits"), "NAXIS2", "30000"));
        File.Copy(Original, CopyPath);
        File.WriteAllBytes(Path.Combine(Images, "year9999.fits"), SafetyFiles.WithCard(Original, "DATE-OBS", "'9999-01-01T00:00:00'"));
        var (hdu, pixels) = FitsFile.ReadImage(Original);
        pixels[1000] = 1e38f;
        FitsWriter.Write(Path.Combine(Images, "absurd.fits"), hdu.Header, pixels, hdu.Axes);
        File.CreateSymbolicLink(Path.Combine(Images, "p00", "loop"), "..");
    }
}
