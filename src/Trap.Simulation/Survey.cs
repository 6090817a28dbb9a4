using Trap.Formats.Wcs;
using Trap.Simulation.Planning;
using Trap.Simulation.Rendering;
using Trap.Simulation.Sky;

namespace Trap.Simulation;

/// <summary>
/// A synthetic survey: its pointings, sky model and image list, made cheaply from a
/// <see cref="SurveySpec"/>; images are rendered on demand, in memory, in any order and in parallel.
/// <code>
/// var survey = new Survey(new SurveySpec { Seed = 7, BadImages = BadImageFractions.None });
/// SimulatedImage image = survey.Render(pointing: 0, band: 1, timestep: 3);
/// SkyImage forExtraction = image.ToSkyImage();   // truth in image.Sources
/// </code>
/// Write everything to disk with <see cref="Output.SurveyWriter"/>.
/// </summary>
public sealed class Survey
{
    private readonly ImageRenderer _renderer;

    /// <summary>A survey with a sky model drawn from the spec.</summary>
    public Survey(SurveySpec spec) : this(spec, null)
    {
    }

    /// <summary>
    /// A survey with your own sources (ids unique, each with the index of the pointing it belongs to),
    /// e.g. to test extraction on a chosen layout; <paramref name="sources"/> null draws them from the spec.
    /// </summary>
    public Survey(SurveySpec spec, IReadOnlyList<SimulatedSource>? sources)
    {
        spec.Validate();
        Spec = spec;
        var centres = PointingLayout.Centres(spec);
        Pointings = centres.Select((centre, i) => MakePointing(spec, i, centre)).ToArray();
        Sources = sources ?? SkyModelBuilder.Build(spec, Pointings);
        CheckSources(Sources, Pointings.Count);
        Images = ImagePlanner.Plan(spec, Pointings);
        _renderer = new ImageRenderer(spec, Pointings, Sources);
    }

    public SurveySpec Spec { get; }

    public IReadOnlyList<Pointing> Pointings { get; }

    public IReadOnlyList<SimulatedSource> Sources { get; }

    /// <summary>Every image, indexed pointing-major, then timestep, then band.</summary>
    public IReadOnlyList<ImagePlan> Images { get; }

    public ImagePlan Image(int pointing, int band, int timestep)
    {
        var bands = Spec.BandFrequenciesHz.Count;
        if (pointing < 0 || pointing >= Pointings.Count || band < 0 || band >= bands || timestep < 0 || timestep >= Spec.Timesteps)
        {
            throw new ArgumentOutOfRangeException(nameof(pointing),
                $"no image (pointing {pointing}, band {band}, timestep {timestep}) in a survey of {Pointings.Count} pointings, {bands} bands, {Spec.Timesteps} timesteps");
        }
        return Images[(pointing * Spec.Timesteps + timestep) * bands + band];
    }

    public SimulatedImage Render(int pointing, int band, int timestep) => Render(Image(pointing, band, timestep));

    public SimulatedImage Render(int imageIndex) => Render(Images[imageIndex]);

    public SimulatedImage Render(ImagePlan image) => _renderer.Render(image);

    private static Pointing MakePointing(SurveySpec spec, int index, SkyPosition centre)
    {
        var name = ImagePlanner.PointingName(index, spec.Pointings);
        // The WCS comes from the same cards every image of this pointing carries.
        var wcs = CelestialWcs.FromHeader(LofarHeader.Celestial(spec, centre), $"simulated pointing {name}");
        return new Pointing(index, name, centre, wcs);
    }

    private static void CheckSources(IReadOnlyList<SimulatedSource> sources, int pointings)
    {
        var duplicate = sources.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Source id {duplicate.Key} is used {duplicate.Count()} times; ids must be unique.");
        var stray = sources.FirstOrDefault(s => s.PointingIndex < 0 || s.PointingIndex >= pointings);
        if (stray is not null) throw new ArgumentException($"Source {stray.Id} names pointing {stray.PointingIndex}, but the survey has {pointings} pointings.");
    }
}
