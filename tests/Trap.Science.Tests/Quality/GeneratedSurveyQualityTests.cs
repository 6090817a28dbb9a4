using Trap.Dataset;
using Trap.Pipeline.Stages;
using Trap.Science.Quality;
using Trap.Simulation;
using Trap.Simulation.Output;

namespace Trap.Science.Tests.Quality;

/// <summary>
/// QC on a generated survey (FITS files with LOFAR headers, one image of each bad kind): the bad images
/// are rejected with the reason that fits what was done to them and every good image is accepted.
/// </summary>
public sealed class GeneratedSurveyQualityTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trap-quality-survey-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static RejectReason? Expected(QualityKind kind) => kind switch
    {
        QualityKind.Good => null,
        QualityKind.HighNoise => RejectReason.RmsInvalid,
        QualityKind.BeamUndersampled or QualityKind.BeamOversampled or QualityKind.BeamElliptical => RejectReason.BeamInvalid,
        QualityKind.NanBlock => RejectReason.NanDominated,
        QualityKind.Truncated => RejectReason.Unreadable,
        QualityKind.MissingBeam => RejectReason.MissingBeam,
        QualityKind.MissingDate => RejectReason.MissingTime,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a bad-image kind this test does not know"),
    };

    [Fact]
    public void BadImagesAreRejectedForWhatIsWrongAndGoodOnesPass()
    {
        var survey = new Survey(new SurveySpec { Seed = 4, Timesteps = 4 });
        SurveyWriter.Write(survey, _folder, maxParallelism: 2);
        var qc = new ImageQualityControl(new QualityConfig());
        var history = new RmsHistory(qc.Config);
        var kinds = new HashSet<QualityKind>();
        foreach (var plan in survey.Images.OrderBy(p => p.StartUtc).ThenBy(p => p.FrequencyHz))
        {
            var verdict = history.Apply(ImageIngest.Ingest(Path.Combine(_folder, plan.RelativePath), qc).Verdict);
            var expected = Expected(plan.Quality);
            Assert.True(expected == verdict.Rejection?.Reason,
                $"{plan.RelativePath} ({plan.Quality}): expected {expected?.Name ?? "accepted"}, got {verdict.Rejection?.ToString() ?? "accepted"}");
            kinds.Add(plan.Quality);
        }
        Assert.Equal(Enum.GetValues<QualityKind>().Length, kinds.Count);
    }
}
