using Trap.Images;
using Trap.Simulation.Randomness;

namespace Trap.Simulation.Planning;

/// <summary>Lists the survey's images, their times, noise, beams and which ones are bad.</summary>
public static class ImagePlanner
{
    public static IReadOnlyList<ImagePlan> Plan(SurveySpec spec, IReadOnlyList<Pointing> pointings)
    {
        var bands = spec.BandFrequenciesHz.Count;
        var quality = AssignQuality(spec);
        var pointingDigits = Math.Max(2, Digits(spec.Pointings - 1));
        var timestepDigits = Math.Max(4, Digits(spec.Timesteps - 1));
        var bandDigits = Math.Max(2, Digits(bands - 1));
        var plans = new List<ImagePlan>(spec.ImageCount);
        foreach (var pointing in pointings)
        {
            for (var t = 0; t < spec.Timesteps; t++)
            {
                var start = spec.StartUtc.AddMilliseconds(Math.Round(t * spec.CadenceSeconds * 1000.0));
                for (var b = 0; b < bands; b++)
                {
                    var index = plans.Count;
                    var kind = quality[index];
                    var frequency = spec.BandFrequenciesHz[b];
                    var p = pointing.Name;
                    var tName = t.ToString("D" + timestepDigits);
                    var bName = b.ToString("D" + bandDigits);
                    plans.Add(new ImagePlan
                    {
                        Index = index,
                        PointingIndex = pointing.Index,
                        Band = b,
                        Timestep = t,
                        RelativePath = $"images/{p}/{p}_t{tName}_b{bName}.fits",
                        FrequencyHz = frequency,
                        BandwidthHz = spec.BandwidthHz,
                        StartUtc = start,
                        IntegrationSeconds = spec.IntegrationSeconds,
                        MidSeconds = (start - spec.StartUtc).TotalSeconds + 0.5 * spec.IntegrationSeconds,
                        NoiseRmsJy = NoiseRms(spec, index, kind),
                        Beam = BeamFor(spec, frequency, kind),
                        Quality = kind,
                    });
                }
            }
        }
        return plans;
    }

    public static string PointingName(int index, int pointings) => "p" + index.ToString("D" + Math.Max(2, Digits(pointings - 1)));

    /// <summary>The beam at a frequency, and the deliberately bad beams of bad-beam images.</summary>
    public static RestoringBeam BeamFor(SurveySpec spec, double frequencyHz, QualityKind kind)
    {
        var scale = spec.BeamScalesWithFrequency ? spec.ReferenceFrequencyHz / frequencyHz : 1.0;
        var nominal = new RestoringBeam(spec.Beam.MajorFwhmDeg * scale, spec.Beam.MinorFwhmDeg * scale, spec.Beam.PositionAngleDeg);
        var pixel = spec.PixelSizeDeg;
        return kind switch
        {
            // FWHM 0.8 × 0.6 px: TraP's "undersampled" (2·semi-axis ≤ 1 px).
            QualityKind.BeamUndersampled => nominal with { MajorFwhmDeg = 0.8 * pixel, MinorFwhmDeg = 0.6 * pixel },
            // Semi-major 35 px (> 30), semi-minor 28 px.
            QualityKind.BeamOversampled => nominal with { MajorFwhmDeg = 70.0 * pixel, MinorFwhmDeg = 56.0 * pixel },
            // Axis ratio 3 (> 2), same area as the nominal beam.
            QualityKind.BeamElliptical => nominal with
            {
                MajorFwhmDeg = Math.Sqrt(3.0 * nominal.MajorFwhmDeg * nominal.MinorFwhmDeg),
                MinorFwhmDeg = Math.Sqrt(nominal.MajorFwhmDeg * nominal.MinorFwhmDeg / 3.0),
            },
            _ => nominal,
        };
    }

    private static double NoiseRms(SurveySpec spec, int index, QualityKind kind)
    {
        var rng = RandomStreams.For(spec.Seed, StreamPurpose.ImageDefects, index, 0);
        var rms = spec.NoiseRmsJy * (1.0 + spec.NoiseRmsScatter * (2.0 * rng.NextDouble() - 1.0));
        return kind == QualityKind.HighNoise ? rms * spec.HighNoiseFactor : rms;
    }

    /// <summary>Chooses the bad images: a seeded shuffle of all image indices, dealt out kind by kind.</summary>
    private static QualityKind[] AssignQuality(SurveySpec spec)
    {
        var count = spec.ImageCount;
        var kinds = new QualityKind[count];
        var order = Enumerable.Range(0, count).ToArray();
        var rng = RandomStreams.For(spec.Seed, StreamPurpose.QualityAssignment);
        for (var i = count - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        var next = 0;
        foreach (var (kind, fraction) in spec.BadImages.ByKind())
        {
            var n = SurveySpecValidator.BadImageCount(fraction, count);
            for (var k = 0; k < n; k++) kinds[order[next++]] = kind;
        }
        return kinds;
    }

    private static int Digits(int value) => value <= 0 ? 1 : (int)Math.Floor(Math.Log10(value)) + 1;
}
