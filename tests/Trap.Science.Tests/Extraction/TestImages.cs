using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using Trap.Science.Extraction.Fitting;

namespace Trap.Science.Tests.Extraction;

/// <summary>Small hand-built pixel arrays for unit tests: seeded white noise plus analytic Gaussians.</summary>
internal static class TestImages
{
    public static float[] Noise(int width, int height, double sigma, int seed, double background = 0)
    {
        var normal = new Normal(background, sigma, new MersenneTwister(seed));
        var pixels = new float[width * height];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (float)normal.Sample();
        return pixels;
    }

    public static void Add(float[] pixels, int width, GaussianParameters g)
    {
        var height = pixels.Length / width;
        var reach = (int)Math.Ceiling(6 * g.SemiMajor) + 1;
        for (var y = Math.Max(0, (int)g.Y - reach); y < Math.Min(height, (int)g.Y + reach); y++)
        {
            for (var x = Math.Max(0, (int)g.X - reach); x < Math.Min(width, (int)g.X + reach); x++)
            {
                pixels[y * width + x] += (float)g.Evaluate(x, y);
            }
        }
    }

    /// <summary>A linear test projection near the equator: x grows westward (RA falls), y northward; scale in deg/px.</summary>
    public static bool EquatorialPixelToSky(double x, double y, out double ra, out double dec)
    {
        const double scale = 1.0 / 3600 * 5; // 5 arcsec per pixel
        ra = 150 - x * scale;
        dec = y * scale;
        return true;
    }

    /// <summary>The sky position of pixel (x, y) under <see cref="EquatorialPixelToSky"/>.</summary>
    public static (double Ra, double Dec) EquatorialSky(double x, double y)
    {
        EquatorialPixelToSky(x, y, out var ra, out var dec);
        return (ra, dec);
    }

    public static bool EquatorialSkyToPixel(double ra, double dec, out double x, out double y)
    {
        const double scale = 1.0 / 3600 * 5;
        x = (150 - ra) / scale;
        y = dec / scale;
        return true;
    }
}
