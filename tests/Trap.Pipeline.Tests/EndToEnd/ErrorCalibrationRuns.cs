using System.Globalization;
using Trap.Pipeline.Scoring;
using Trap.Simulation;
using Trap.Simulation.Truth;

namespace Trap.Pipeline.Tests.EndToEnd;

/// <summary>
/// A small survey for error calibration, run end to end with default settings and scored against its
/// truth: both default pointings (across RA 0/360 and at the pole), one band, steady sources only
/// (plus the default edge sources), every image good; the noise's correlated fraction is the variant.
/// Every steady point source's true position is on the monitoring list, so each image has a forced fit
/// at it whether blind extraction found the source or not (docs/science.md, "Scoring a run").
/// </summary>
public abstract class ErrorCalibrationRun(string prefix, double correlatedFraction) : GeneratedSurveyRun(prefix)
{
    public SurveyScore Score { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await RunAsync(new SurveySpec
        {
            Seed = 31,
            BandFrequenciesHz = SurveySpec.HbaBands(1),
            Timesteps = 10,
            SourcesPerPointing = 150,
            Transients = new TransientCounts(0, 0, 0, 0),
            BadImages = BadImageFractions.None,
            CorrelatedNoiseFraction = correlatedFraction,
        }, "monitor_list = monitors.csv\n", WriteMonitorList);
        Score = await SurveyScorer.ScoreAsync(OutputFolder, Folder);
    }

    private void WriteMonitorList()
    {
        var steady = TruthFiles.ReadSources(Path.Combine(Folder, TruthFiles.SourcesFile))
            .Where(t => t is { Kind: "Steady", OnEdge: false, IntrinsicMajorArcsec: 0 })
            .DistinctBy(t => t.SourceId)
            .Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.RaDeg:R},{t.DecDeg:R},steady{t.SourceId}"));
        File.WriteAllLines(Path.Combine(Folder, "monitors.csv"), steady.Prepend("ra_deg,dec_deg,name"));
    }
}

public sealed class WhiteNoiseRun() : ErrorCalibrationRun("trap-white-", 0.0);

/// <summary>All of the noise variance correlated at the beam scale, as in a restored interferometer image.</summary>
public sealed class BeamCorrelatedNoiseRun() : ErrorCalibrationRun("trap-correlated-", 1.0);
