using System.Diagnostics;
using System.Text.Json;
using Trap.TestSupport;

namespace Trap.Formats.Tests.Wcs;

/// <summary>
/// Runs Debian's astropy (/usr/bin/python3; apt python3-astropy, installed by tests/run-tests.sh) once
/// for all headers of a test class: pixel → world for every header's grid, origin 0. Null means
/// astropy found no sky position. Missing astropy fails the tests with instructions; it never skips.
/// </summary>
public sealed class AstropyOracle
{
    private const string Script = """
        import json, sys, warnings
        import numpy as np
        from astropy.io import fits
        from astropy.wcs import WCS, FITSFixedWarning
        warnings.simplefilter("ignore", FITSFixedWarning)
        jobs = json.load(open(sys.argv[1]))
        out = {}
        for name, job in jobs.items():
            if "text" in job:
                header = fits.Header.fromstring(job["text"], sep="\n")
            else:
                header = fits.Header.fromfile(job["path"])
            w = WCS(header)
            pix = np.zeros((len(job["pixels"]), w.naxis))
            pix[:, :2] = np.array(job["pixels"])
            world = w.wcs_pix2world(pix, 0)
            lon, lat = world[:, w.wcs.lng], world[:, w.wcs.lat]
            out[name] = [None if not (np.isfinite(a) and np.isfinite(b)) else [float(a), float(b)] for a, b in zip(lon, lat)]
        json.dump(out, open(sys.argv[2], "w"))
        """;

    private readonly Dictionary<string, List<double[]?>> _results;

    public AstropyOracle()
    {
        var jobs = new Dictionary<string, object>();
        foreach (var h in SyntheticHeader.All)
        {
            jobs[h.Name] = new { text = h.Text, pixels = Pixels(h.Nx, h.Ny) };
        }
        foreach (var e in WcsReference.Entries.Where(e => !e.IsCasa))
        {
            var (nx, ny) = e.ImageSize;
            jobs[e.File] = new { path = RealData.PathOf(e.File), pixels = Pixels(nx, ny) };
        }
        _results = Run(jobs);
    }

    /// <summary>The grid every test compares on (<see cref="WcsTestFiles.Grid"/>).</summary>
    public static List<double[]> Pixels(int nx, int ny) => WcsTestFiles.Grid(nx, ny).Select(p => new[] { p.X, p.Y }).ToList();

    /// <summary>astropy's (lon, lat) per grid pixel of a header (synthetic name or real-data path).</summary>
    public IReadOnlyList<double[]?> WorldOf(string name) => _results[name];

    private static Dictionary<string, List<double[]?>> Run(Dictionary<string, object> jobs)
    {
        var dir = Directory.CreateTempSubdirectory("trap-wcs-astropy-");
        try
        {
            var scriptPath = Path.Combine(dir.FullName, "oracle.py");
            var inPath = Path.Combine(dir.FullName, "in.json");
            var outPath = Path.Combine(dir.FullName, "out.json");
            File.WriteAllText(scriptPath, Script);
            File.WriteAllText(inPath, JsonSerializer.Serialize(jobs));
            var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var arg in new[] { scriptPath, inPath, outPath }) start.ArgumentList.Add(arg);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start /usr/bin/python3");
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill();
                throw new TimeoutException("astropy oracle did not finish within 2 minutes");
            }
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"astropy oracle failed (exit {process.ExitCode}). It needs Debian's astropy: apt-get install -y python3-astropy " +
                    $"(tests/run-tests.sh installs it).\n{stderr.Result}");
            }
            return JsonSerializer.Deserialize<Dictionary<string, List<double[]?>>>(File.ReadAllText(outPath))!;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
