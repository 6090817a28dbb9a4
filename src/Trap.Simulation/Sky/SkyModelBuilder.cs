using Trap.Simulation.Planning;
using Trap.Simulation.Randomness;

namespace Trap.Simulation.Sky;

/// <summary>
/// Draws the sources of every pointing. Positions are drawn in pixels and turned into RA/Dec with the
/// pointing's WCS. Per pointing, in id order: steady field sources (power-law fluxes, some extended),
/// bright steady sources on the edges, then flares, fading sources, new sources and variables
/// (bright point sources at least 3 beams inside the image). Edge and time-variable sources have
/// nominal fluxes log-uniform between BrightMinFluxJy and BrightMaxFluxJy.
/// </summary>
public static class SkyModelBuilder
{
    private const int PlacementTries = 100;

    public static IReadOnlyList<SimulatedSource> Build(SurveySpec spec, IReadOnlyList<Pointing> pointings)
    {
        var sources = new List<SimulatedSource>();
        foreach (var pointing in pointings) AddPointing(spec, pointing, sources);
        return sources;
    }

    private static void AddPointing(SurveySpec spec, Pointing pointing, List<SimulatedSource> sources)
    {
        var rng = RandomStreams.For(spec.Seed, StreamPurpose.SkyModel, pointing.Index);
        var size = spec.ImageSize;
        var beamPx = spec.Beam.MajorFwhmDeg / spec.PixelSizeDeg;
        var placed = new List<(double X, double Y)>();
        var fluxes = new PowerLawFluxes(spec.FluxPowerLawIndex, spec.MinFluxJy, spec.MaxFluxJy);
        var minSeparation = spec.MinSeparationBeams * beamPx;

        (double X, double Y) Place(Func<(double X, double Y)> draw)
        {
            var candidate = draw();
            for (var i = 1; i < PlacementTries && placed.Any(p => Distance(p, candidate) < minSeparation); i++) candidate = draw();
            placed.Add(candidate);
            return candidate;
        }

        SimulatedSource Make((double X, double Y) pixel, double fluxJy, LightCurve curve, bool onEdge = false)
        {
            if (!pointing.Wcs.TryPixelToSky(pixel.X, pixel.Y, out var ra, out var dec))
            {
                throw new InvalidOperationException($"Pointing {pointing.Name}: pixel ({pixel.X}, {pixel.Y}) has no sky position.");
            }
            return new SimulatedSource
            {
                Id = sources.Count + 1,
                PointingIndex = pointing.Index,
                Position = new SkyPosition(ra, dec),
                ReferenceFluxJy = fluxJy,
                SpectralIndex = spec.SpectralIndexMean + spec.SpectralIndexSd * rng.NextGaussian(),
                OnEdge = onEdge,
                LightCurve = curve,
            };
        }

        double BrightFlux() => LogUniform(rng, spec.BrightMinFluxJy, spec.BrightMaxFluxJy);

        for (var k = 0; k < spec.SourcesPerPointing; k++)
        {
            var pixel = Place(() => (rng.NextDouble(-0.5, size - 0.5), rng.NextDouble(-0.5, size - 0.5)));
            var source = Make(pixel, fluxes.Sample(rng.NextDouble()), new SteadyCurve());
            if (rng.NextDouble() < spec.ExtendedFraction && spec.MaxIntrinsicSizeBeams > 0)
            {
                var major = spec.Beam.MajorFwhmDeg * spec.MaxIntrinsicSizeBeams * rng.NextDouble(0.3, 1.0);
                source = source with
                {
                    IntrinsicMajorFwhmDeg = major,
                    IntrinsicMinorFwhmDeg = major * rng.NextDouble(0.5, 1.0),
                    IntrinsicPositionAngleDeg = rng.NextDouble(0.0, 180.0),
                };
            }
            sources.Add(source);
        }

        for (var k = 0; k < spec.EdgeSourcesPerPointing; k++)
        {
            var pixel = Place(() =>
            {
                var along = rng.NextDouble(-0.5, size - 0.5);
                var across = rng.NextDouble(-beamPx, beamPx);
                return rng.NextInt(4) switch
                {
                    0 => (across, along),
                    1 => (size - 1 + across, along),
                    2 => (along, across),
                    _ => (along, size - 1 + across),
                };
            });
            sources.Add(Make(pixel, BrightFlux(), new SteadyCurve(), onEdge: true));
        }

        var margin = 3.0 * beamPx;
        (double X, double Y) Interior() => Place(() => (rng.NextDouble(margin, size - 1 - margin), rng.NextDouble(margin, size - 1 - margin)));
        var timesteps = spec.Timesteps;
        var cadence = spec.CadenceSeconds;
        var duration = Math.Max(1, timesteps - 1) * cadence;
        // A timestep after the first, so the image before it shows the source absent (when there is one).
        int LaterTimestep() => timesteps == 1 ? 0 : 1 + rng.NextInt(timesteps - 1);

        for (var k = 0; k < spec.Transients.Flares; k++)
        {
            var pixel = Interior();
            // The peak falls in the half cadence before the middle of its timestep's integration.
            var peak = LaterTimestep() * cadence + 0.5 * spec.IntegrationSeconds - rng.NextDouble(0.0, 0.5) * cadence;
            sources.Add(Make(pixel, BrightFlux(), new FlareCurve(Math.Max(0.0, peak), spec.FlareRiseSeconds, spec.FlareDecaySeconds)));
        }
        for (var k = 0; k < spec.Transients.Fading; k++)
        {
            var pixel = Interior();
            var drop = LogUniform(rng, spec.FadingMinDrop, spec.FadingMaxDrop);
            sources.Add(Make(pixel, BrightFlux(), new FadingCurve(duration / Math.Log(drop))));
        }
        for (var k = 0; k < spec.Transients.NewSources; k++)
        {
            var pixel = Interior();
            sources.Add(Make(pixel, BrightFlux(), new NewSourceCurve(LaterTimestep() * cadence)));
        }
        for (var k = 0; k < spec.Transients.Variables; k++)
        {
            var pixel = Interior();
            var id = sources.Count + 1;
            var variability = RandomStreams.For(spec.Seed, StreamPurpose.Variability, id);
            var factors = Enumerable.Range(0, timesteps)
                .Select(_ => VariableCurve.LogNormalFactor(spec.VariableModulationIndex, variability.NextGaussian()))
                .ToArray();
            sources.Add(Make(pixel, BrightFlux(), new VariableCurve(spec.VariableModulationIndex, factors)));
        }
    }

    private static double LogUniform(Xoshiro256 rng, double min, double max) => min * Math.Pow(max / min, rng.NextDouble());

    private static double Distance((double X, double Y) a, (double X, double Y) b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
