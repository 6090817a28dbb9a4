using Trap.Simulation.Rendering;

namespace Trap.Simulation.Tests;

public class Fft2DTests
{
    [Theory]
    [InlineData(3, 0)]
    [InlineData(0, 5)]
    [InlineData(2, -3)]
    [InlineData(16, 4)]
    public void HermitianSpectrumGivesTheRealCosineWave(int kx, int ky)
    {
        // X[k] = X[−k] = ½ (stored once when kx is on the half plane) ⇒ x = cos(2π(kx·x/nx + ky·y/ny)).
        const int nx = 32, ny = 16;
        var width = nx / 2 + 1;
        var re = new double[width * ny];
        var im = new double[width * ny];
        var row = ((ky % ny) + ny) % ny;
        var selfMirror = kx == 0 || kx == nx / 2;
        // Columns 0 and nx/2 hold their own mirror images, so both halves of the pair are stored there.
        re[row * width + kx] += 0.5;
        if (selfMirror) re[((ny - row) % ny) * width + kx] += 0.5;
        var output = new double[nx * ny];
        Fft2D.InverseHermitianToReal(re, im, nx, ny, output);
        for (var y = 0; y < ny; y++)
        {
            for (var x = 0; x < nx; x++)
            {
                var expected = Math.Cos(2 * Math.PI * ((double)kx * x / nx + (double)ky * y / ny));
                Assert.Equal(expected, output[y * nx + x], 12);
            }
        }
    }
}
