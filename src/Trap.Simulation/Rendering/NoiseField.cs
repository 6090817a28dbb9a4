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
/// Made in Fourier space in one pass: Hermitian white noise times the amplitude spectrum
/// sqrt((1−f)/M + f·B(k)/ΣB), B(k) = exp(−2π² kᵀΣ_beam k) being the beam's power spectrum (M grid
/// points), then one inverse FFT to a real field. The grid is the image rounded up to powers of two and is
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

        var nx = Math.Max(2, Fft2D.NextPowerOfTwo(width));
        var ny = Fft2D.NextPowerOfTwo(height);
        var amplitude = Spectrum(nx, ny, beam, correlatedFraction);
        var (re, im) = HermitianWhiteNoise(nx, ny, amplitude, rng);
        var field = new double[nx * ny];
        Fft2D.InverseHermitianToReal(re, im, nx, ny, field);
        // Var(f) = Σ_k A_k²·E|c_k|² = ΣA² = 1 over the full grid.
        for (var y = 0; y < height; y++)
        {
            var source = field.AsSpan(y * nx, width);
            var target = pixels.AsSpan(y * width, width);
            for (var x = 0; x < width; x++) target[x] = (float)(rms * source[x]);
        }
        return pixels;
    }

    /// <summary>
    /// A_k·c_k on the columns kx = 0 … nx/2, with c Hermitian white noise of unit variance: complex
    /// (real and imaginary parts of variance ½) except at the self-conjugate frequencies, where it is
    /// real. Columns 0 and nx/2 are their own mirror images, so their lower half mirrors the upper.
    /// </summary>
    private static (double[] Re, double[] Im) HermitianWhiteNoise(int nx, int ny, double[] amplitude, Xoshiro256 rng)
    {
        var width = nx / 2 + 1;
        var re = new double[width * ny];
        var im = new double[width * ny];
        var halfSigma = Math.Sqrt(0.5);
        for (var ky = 0; ky < ny; ky++)
        {
            for (var kx = 0; kx < width; kx++)
            {
                var i = ky * width + kx;
                var selfMirrorColumn = kx == 0 || kx == nx / 2;
                if (selfMirrorColumn && ky > ny / 2)
                {
                    var mirror = (ny - ky) * width + kx;
                    re[i] = re[mirror];
                    im[i] = -im[mirror];
                }
                else if (selfMirrorColumn && (ky == 0 || ky == ny / 2))
                {
                    re[i] = amplitude[i] * rng.NextGaussian();
                }
                else
                {
                    re[i] = amplitude[i] * halfSigma * rng.NextGaussian();
                    im[i] = amplitude[i] * halfSigma * rng.NextGaussian();
                }
            }
        }
        return (re, im);
    }

    private static void FillWhite(float[] pixels, double rms, Xoshiro256 rng)
    {
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (float)(rms * rng.NextGaussian());
    }

    private double[] Spectrum(int nx, int ny, GaussianShape beam, double fraction)
    {
        var key = (nx, ny, beam, fraction);
        if (_spectra.TryGetValue(key, out var cached)) return cached;
        var spectrum = BuildSpectrum(nx, ny, beam, fraction);
        if (_spectra.Count < MaxCachedSpectra) _spectra.TryAdd(key, spectrum);
        return spectrum;
    }

    /// <summary>A_k on the columns kx = 0 … nx/2, normalised so that Σ A_k² over the full grid is 1.</summary>
    private static double[] BuildSpectrum(int nx, int ny, GaussianShape beam, double fraction)
    {
        var width = nx / 2 + 1;
        var power = new double[width * ny];
        var total = 0.0;
        var c = -2.0 * Math.PI * Math.PI;
        for (var j = 0; j < ny; j++)
        {
            // Signed frequency in cycles per pixel.
            var ky = (j < ny / 2 ? j : j - ny) / (double)ny;
            for (var i = 0; i < width; i++)
            {
                var kx = i / (double)nx;
                var b = Math.Exp(c * (beam.Sxx * kx * kx + 2.0 * beam.Sxy * kx * ky + beam.Syy * ky * ky));
                power[j * width + i] = b;
                // Columns 1 … nx/2 − 1 stand for themselves and their mirror images.
                total += i == 0 || i == nx / 2 ? b : 2.0 * b;
            }
        }
        var white = (1.0 - fraction) / ((double)nx * ny);
        for (var i = 0; i < power.Length; i++) power[i] = Math.Sqrt(white + fraction * power[i] / total);
        return power;
    }
}
