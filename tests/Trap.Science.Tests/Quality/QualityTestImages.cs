using Trap.Formats.Wcs;
using Trap.Images;

namespace Trap.Science.Tests.Quality;

/// <summary>In-memory images for the QC tests: Gaussian noise of a chosen σ and LOFAR-like metadata.</summary>
internal static class QualityTestImages
{
    /// <summary>
    /// A LOFAR HBA snapshot at 150 MHz: 24 core + 14 remote stations, 195 kHz × 1 subband, 60 s,
    /// a 12″ × 8″ beam on 3″ pixels (semi-axes 2 × 1.33 px), pointed away from every bright source.
    /// </summary>
    public static ImageMetadata LofarMetadata(string url = "memory://lofar.fits") => new()
    {
        Url = url,
        Telescope = "LOFAR",
        Accessor = "lofar",
        Width = 256,
        Height = 256,
        Wcs = CelestialWcs.FromParameters(CelestialWcsParameters.Simple("SIN", 30, 60, 128, 128, -3.0 / 3600, 3.0 / 3600)),
        PixelSizeXDeg = 3.0 / 3600,
        PixelSizeYDeg = 3.0 / 3600,
        FrequencyHz = 150e6,
        BandwidthHz = 195312.5,
        Beam = new RestoringBeam(12.0 / 3600, 8.0 / 3600, 0),
        StartUtc = new DateTime(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc),
        IntegrationSeconds = 60,
        CentreRaDeg = 30.0,
        CentreDecDeg = 60.0,
        Lofar = new LofarFields("HBA_DUAL_INNER", 24, 14, 0, 1, 195312.5, 64),
    };

    /// <summary>A non-LOFAR image (KAT-7-like header) with the same geometry.</summary>
    public static ImageMetadata GenericMetadata(string url = "memory://generic.fits") =>
        LofarMetadata(url) with { Telescope = "KAT-7", Accessor = "kat7", Lofar = null, FrequencyHz = 1.83e9, BandwidthHz = 10e6 };

    /// <summary>The LOFAR theoretical noise of <see cref="LofarMetadata"/>, Jy.</summary>
    public static double LofarNoise(ImageMetadata m) =>
        Trap.Science.Quality.LofarTheoreticalNoise.NoiseJy(m.FrequencyHz, m.BandwidthHz, m.IntegrationSeconds, m.Lofar!);

    /// <summary>Gaussian noise of standard deviation sigma (Box–Muller, fixed seed).</summary>
    public static float[] Noise(int count, double sigma, int seed = 1)
    {
        var random = new Random(seed);
        var pixels = new float[count];
        for (var i = 0; i < count; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            pixels[i] = (float)(sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
        return pixels;
    }

    public static SkyImage WithNoise(ImageMetadata m, double sigma, int seed = 1) => new(m, Noise(m.Width * m.Height, sigma, seed));
}
