using System.Collections.Concurrent;
using Trap.Simulation.Randomness;

namespace Trap.Simulation.Rendering;

/// <summary>
/// Gaussian image noise: a white part plus a part correlated at the scale of the beam, with total
/// standard deviation <c>rms</c> and a fraction <c>f</c> of the variance in the correlated part. The
/// correlated part has the beam's shape as its autocorrelation, so for a lag d ≠ 0 the normalised
/// autocorrelation of the total noise is f·exp(−½ dᵀΣ_beam⁻¹d).
/// </summary>
/// <remarks>
/// Made in Fourier space in one pass: complex white noise times the amplitude spectrum
/// sqrt((1−f)/M + f·B(k)/ΣB), B(k) = exp(−2π² kᵀΣ_beam k) being the beam's power spectrum, then one
/// inverse FFT; the real part is the noise. The grid is the image rounded up to powers of two and is
/// periodic (noise near one edge is correlated with the opposite edge; the statistics are the same
/// everywhere). The amplitude spectrum sums to one, so the expected variance is exactly rms².
/// </remarks>
public sealed class NoiseField
{
    // Amplitude spectra depend only on the grid and the beam; a survey reuses a handful of them.
    private const int MaxCachedSpectra = 8;
    private readonly ConcurrentDictionary<(int Nx, int Ny, GaussianShape Beam, double Fraction), double[]> _spectra = new();

    /// <summary>Noise of the given RMS (Jy/beam) for a width × height image, drawn from <paramref name="rng"/>.</summary>
    public float[] Generate(int width, int height, double rms, double correlatedFraction, GaussianShape beam, Xoshiro256 rng)
    {
        if (correlatedFraction is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(correlatedFraction), correlatedFraction, "must be in [0, 1]");
        var pixels = new float[width * height];
        if (rms == 0.0) return pixels;
        if (correlatedFraction == 0.0)
        {
            FillWhite(pixels, rms, rng);
            return pixels;
        }

        var nx = Fft2D.NextPowerOfTwo(width);
        var ny = Fft2D.NextPowerOfTwo(height);
        var amplitude = Spectrum(nx, ny, beam, correlatedFraction);
        var re = new double[nx * ny];
        var im = new double[nx * ny];
        for (var i = 0; i < re.Length; i++)
        {
            rng.NextGaussianPair(out var a, out var b);
            var scale = amplitude[i];
            re[i] = a * scale;
            im[i] = b * scale;
        }
        Fft2D.InverseInPlace(re, im, nx, ny);
        // Var(Re f) = ½·E|Z|²·ΣA² = ΣA² = 1 for unit complex normals Z (each part N(0,1)).
        for (var y = 0; y < height; y++)
        {
            var source = re.AsSpan(y * nx, width);
            var target = pixels.AsSpan(y * width, width);
            for (var x = 0; x < width; x++) target[x] = (float)(rms * source[x]);
        }
        return pixels;
    }

    private static void FillWhite(float[] pixels, double rms, Xoshiro256 rng)
    {
        var i = 0;
        for (; i + 1 < pixels.Length; i += 2)
        {
            rng.NextGaussianPair(out var a, out var b);
            pixels[i] = (float)(rms * a);
            pixels[i + 1] = (float)(rms * b);
        }
        if (i < pixels.Length) pixels[i] = (float)(rms * rng.NextGaussian());
    }

    private double[] Spectrum(int nx, int ny, GaussianShape beam, double fraction)
    {
        var key = (nx, ny, beam, fraction);
        if (_spectra.TryGetValue(key, out var cached)) return cached;
        var spectrum = BuildSpectrum(nx, ny, beam, fraction);
        if (_spectra.Count < MaxCachedSpectra) _spectra.TryAdd(key, spectrum);
        return spectrum;
    }

    private static double[] BuildSpectrum(int nx, int ny, GaussianShape beam, double fraction)
    {
        var power = new double[nx * ny];
        var total = 0.0;
        var c = -2.0 * Math.PI * Math.PI;
        for (var j = 0; j < ny; j++)
        {
            // Signed frequency in cycles per pixel.
            var ky = (j < ny / 2 ? j : j - ny) / (double)ny;
            for (var i = 0; i < nx; i++)
            {
                var kx = (i < nx / 2 ? i : i - nx) / (double)nx;
                var b = Math.Exp(c * (beam.Sxx * kx * kx + 2.0 * beam.Sxy * kx * ky + beam.Syy * ky * ky));
                power[j * nx + i] = b;
                total += b;
            }
        }
        var white = (1.0 - fraction) / power.Length;
        for (var i = 0; i < power.Length; i++) power[i] = Math.Sqrt(white + fraction * power[i] / total);
        return power;
    }
}
