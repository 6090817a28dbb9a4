using Trap.Pipeline.Scoring;
using Trap.Simulation;

namespace Trap.Pipeline.Tests.EndToEnd;

/// <summary>
/// A small survey for error calibration, run end to end with default settings and scored against its
/// truth: both default pointings (across RA 0/360 and at the pole), one band, steady sources only
/// (plus the default edge sources), every image good; the noise's correlated fraction is the variant.
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
        });
        Score = await SurveyScorer.ScoreAsync(OutputFolder, Folder);
    }
}

public sealed class WhiteNoiseRun() : ErrorCalibrationRun("trap-white-", 0.0);

/// <summary>All of the noise variance correlated at the beam scale, as in a restored interferometer image.</summary>
public sealed class BeamCorrelatedNoiseRun() : ErrorCalibrationRun("trap-correlated-", 1.0);
