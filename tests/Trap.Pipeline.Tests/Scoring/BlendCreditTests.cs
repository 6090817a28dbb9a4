using Trap.Dataset.Rows;
using Trap.Pipeline.Scoring;
using Trap.Simulation.Truth;

namespace Trap.Pipeline.Tests.Scoring;

/// <summary>
/// `trap score`'s blend rule (docs/science.md §12): a steady source's candidate counts as an injected transient
/// only when the transient lies within the association radius and the candidate's light curve follows it.
/// </summary>
public class BlendCreditTests
{
    private const double TransientRa = 10.0, Dec = 30.0;
    private const int TransientId = 7;
    private static readonly double[] TransientFlux = { 0, 0, 0.4, 0.3, 0.2, 0.1 };

    [Fact]
    public void CandidateWhoseCurveRisesWithTheTransientFindsIt()
    {
        var credit = Credit(steady: 1.0, follows: 0.5);
        Assert.Equal(TransientId, credit.Find(Candidate(TransientRa + 0.005), Transients()));
    }

    [Fact]
    public void CandidateWithAnUnrelatedChangeFindsNothing()
    {
        // The candidate's flux changes, but as the transient fades in: the change is not the transient's.
        var credit = Credit(steady: 1.0, follows: -0.5);
        Assert.True(credit.Correlation(Candidate(TransientRa), TransientId) < 0);
        Assert.Null(credit.Find(Candidate(TransientRa + 0.005), Transients()));
    }

    [Fact]
    public void TransientBeyondTheAssociationRadiusIsNotABlend()
    {
        var credit = Credit(steady: 1.0, follows: 0.5);
        Assert.Null(credit.Find(Candidate(TransientRa + 0.05 / Math.Cos(Dec * Math.PI / 180)), Transients()));
    }

    /// <summary>Six images of one band; catalogue source 1's f_int is steady + follows × the transient's true flux.</summary>
    private static BlendCredit Credit(double steady, double follows)
    {
        var files = Enumerable.Range(0, TransientFlux.Length).Select(i => $"img{i}.fits").ToList();
        var images = files.Select((f, i) => new ImageRow { ImageId = i + 1, Url = "survey/images/" + f, Accepted = true }).ToList();
        var truthImages = files.Select((f, i) => new ImageTruth { File = f, Timestep = i, Width = 256, Height = 256, BeamMajorDeg = 0.0167 }).ToList();
        var truth = files.Select((f, i) => new SourceTruth
        {
            File = f, SourceId = TransientId, Kind = "Flare", RaDeg = TransientRa, DecDeg = Dec, FluxJy = TransientFlux[i], InsideImage = true,
        }).ToList();
        var matches = TruthMatches.Build(images, truthImages, truth, new List<ExtractedSourceRow>(), new SearchedArea(10, 0));
        var curve = images.Select((image, i) => new AssociationRow
        {
            RuncatId = 1, SourceId = 100 + i, ImageId = image.ImageId, BandId = 0, FIntJy = steady + follows * TransientFlux[i],
        }).ToList();
        return new BlendCredit(curve, matches, radiusDeg: 1.5 * 0.0167);
    }

    private static CandidateRow Candidate(double raDeg) => new() { RuncatId = 1, BandId = 0, RaDeg = raDeg, DecDeg = Dec };

    private static List<SourceTruth> Transients() => new() { new SourceTruth { SourceId = TransientId, Kind = "Flare", RaDeg = TransientRa, DecDeg = Dec } };
}
