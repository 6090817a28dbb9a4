using System.Globalization;
using Trap.Pipeline.Scoring;
using Trap.Simulation;
using Trap.Simulation.Truth;

namespace Trap.Pipeline.Tests.EndToEnd;

/// <summary>
/// A small survey for error calibration, run end to end with default settings and scored against its
/// truth: both default pointings (across RA 0/360 and at the pole), one band, steady sources only
/// (plus the default edge sources), every image good; the noise's correlated fraction and the number
/// of sources per pointing are the variants.
/// With <c>monitorSteadySources</c>, every steady point source's true position is on the monitoring list,
/// so each image has a forced fit at it whether blind extraction found the source or not (docs/science.md,
/// "Scoring a run").
/// </summary>
public abstract class ErrorCalibrationRun(string prefix, double correlatedFraction, int sourcesPerPointing = 150, bool monitorSteadySources = true)
    : GeneratedSurveyRun(prefix)
{
    public SurveyScore Score { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await RunAsync(new SurveySpec
        {
            Seed = 31,
            BandFrequenciesHz = SurveySpec.HbaBands(1),
            Timesteps = 10,
            SourcesPerPointing = sourcesPerPointing,
            Transients = new TransientCounts(0, 0, 0, 0),
            BadImages = BadImageFractions.None,
            CorrelatedNoiseFraction = correlatedFraction,
        }, monitorSteadySources ? "monitor_list = monitors.csv\n" : "", monitorSteadySources ? WriteMonitorList : null);
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

/// <summary>
/// White noise with twice the sources, for the blind fits only (no monitoring list): the faint sources
/// crowd the noise measurement, whose insignificant lags made the blind fits' errors 15 % too large here
/// (docs/science.md, "Calibrated errors").
/// </summary>
public sealed class CrowdedWhiteNoiseRun() : ErrorCalibrationRun("trap-crowded-white-", 0.0, sourcesPerPointing: 300, monitorSteadySources: false);

/// <summary>All of the noise variance correlated at the beam scale, as in a restored interferometer image.</summary>
public sealed class BeamCorrelatedNoiseRun() : ErrorCalibrationRun("trap-correlated-", 1.0);
