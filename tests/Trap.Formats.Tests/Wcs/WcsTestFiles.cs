using System.IO.Compression;
using Trap.Formats.Fits;
using Trap.Formats.Wcs;
using Trap.TestSupport;

namespace Trap.Formats.Tests.Wcs;

/// <summary>Reads the first header of a real-data file (plain, .gz or a bare .hdr) and its WCS.</summary>
internal static class WcsTestFiles
{
    public static FitsHeader ReadHeader(string relativePath)
    {
        var path = RealData.PathOf(relativePath);
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
        return FitsHeaderReader.Read(stream, path) ?? throw new InvalidDataException($"{path} holds no header");
    }

    public static CelestialWcs ReadWcs(string relativePath) =>
        CelestialWcs.FromHeader(ReadHeader(relativePath), relativePath);

    /// <summary>Arcseconds between two positions, or between a position and NaN (→ infinity).</summary>
    public static double SeparationArcsec(double lon1, double lat1, double lon2, double lat2) =>
        SkyGeometry.SeparationDeg(lon1, lat1, lon2, lat2) * 3600;

    /// <summary>A grid of n × n pixel positions covering [−0.5, size − 0.5] in both axes, edges included.</summary>
    public static IEnumerable<(double X, double Y)> Grid(int nx, int ny, int n = 21)
    {
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                yield return (-0.5 + nx * (double)i / (n - 1), -0.5 + ny * (double)j / (n - 1));
            }
        }
    }
}
