using Trap.Engine;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Stages;
using Trap.Science.Association;
using Trap.Science.Candidates;

namespace Trap.Pipeline.Tests.Stages;

/// <summary>Which earlier images the backward fits of a new-source candidate are made in (docs/science.md §8.6).</summary>
public sealed class BackwardPhotometryTests
{
    private static readonly DateTime Start = new(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>200 timesteps of 2 bands (image id = 2 × timestep + band), every tenth image of band 0 not accepted.</summary>
    private static readonly Dictionary<long, CandidateImage> Images = Enumerable.Range(0, 400).ToDictionary(i => (long)i,
        i => new CandidateImage(i, $"/i/{i}.fits", Accepted: i % 20 != 0, BandId: i % 2, Start.AddSeconds(i / 2), 0.01, 0.001, 64, 64));

    [Theory]
    [InlineData(0, 144)] // every earlier accepted image of band 0: 160 timesteps before, 16 of them not accepted
    [InlineData(25, 25)]
    public async Task TheFitsAreInTheBandsAcceptedImagesBeforeTheCurvesFirstPointAtMostTheWindowsNewest(int window, int expected)
    {
        var engine = new RecordingEngine();
        var config = new JobConfig { Association = new AssociationConfig { VariabilityWindow = window } };
        var selection = new BandSelection(new BandMetrics(7, 0, 40, 0.5, 10, 2, 9, 9), SelectionReasons.NewSource, 5, 5);
        // Its curve starts at timestep 160 (image 320, band 0).
        var curve = Enumerable.Range(160, 40).Select(t => new LightCurvePoint(Start.AddSeconds(t), 2L * t, 1, 0.01, 1, 0.01, false, 5, 0.1, 0.01, 1)).ToList();

        await BackwardPhotometry.ConfirmAsync(engine, new JobContext("backward", "", ""), "/work", [selection], new Dictionary<long, List<LightCurvePoint>> { [7] = curve },
            Images, new Dictionary<long, (double, double)> { [7] = (10, 20) }, config, CancellationToken.None);

        var fitted = engine.Inputs.Cast<BackwardFitWork>().Select(w => w.ImageId).ToList();
        Assert.Equal(expected, fitted.Count);
        Assert.All(fitted, id => Assert.True(Images[id] is { Accepted: true, BandId: 0 } && id < 320, $"image {id}"));
        // The newest before the curve, in id order (the order the fits are combined in).
        Assert.Equal(fitted.Order(), fitted);
        Assert.Equal(318, fitted[^1]);
    }

    private sealed class RecordingEngine : IEngine
    {
        public List<object> Inputs { get; } = new();

        public int Parallelism => 1;

        public Task<IReadOnlyList<TOut>> MapAsync<TTask, TIn, TOut>(JobContext context, IReadOnlyList<TIn> inputs, CancellationToken cancellation = default,
            IProgress<int>? progress = null) where TTask : IMapTask<TIn, TOut>, new()
        {
            Inputs.AddRange(inputs.Cast<object>());
            // No fit made: the selection stays as it is.
            return Task.FromResult<IReadOnlyList<TOut>>(inputs.Cast<BackwardFitWork>().Select(w => (TOut)(object)new BackwardFits(w.ImageId, [])).ToList());
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
