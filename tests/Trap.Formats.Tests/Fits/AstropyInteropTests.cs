using System.Diagnostics;
using System.Text.Json;
using Trap.Formats.Fits;

namespace Trap.Formats.Tests.Fits;

/// <summary>
/// Cross-checks with astropy (Debian python3-astropy, seen only by /usr/bin/python3; installed by
/// tests/run-tests.sh): astropy reads what FitsWriter writes, and Trap reads what astropy writes.
/// </summary>
public sealed class AstropyInteropTests
{
    private const string Python = "/usr/bin/python3";

    /// <summary>Prints the scaled data (NaN as null) and some header values of a FITS file as JSON.</summary>
    private const string DumpScript = """
        import json, sys, numpy
        from astropy.io import fits
        with fits.open(sys.argv[1]) as hdus:
            h = hdus[0].header
            bitpix = h["BITPIX"]  # before .data, which rewrites BITPIX to the scaled type
            data = numpy.asarray(hdus[0].data, dtype=numpy.float64).ravel()
            print(json.dumps({
                "data": [None if numpy.isnan(v) else float(v) for v in data],
                "origin": h["ORIGIN"], "object": h["OBJECT"], "crval3": h["CRVAL3"],
                "history": [str(x) for x in h["HISTORY"]], "bitpix": bitpix}))
        """;

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(32)]
    [InlineData(64)]
    [InlineData(-32)]
    [InlineData(-64)]
    public void AstropyReadsWhatFitsWriterWrites(int bitpix)
    {
        // No quote in the long value: Debian's astropy 5.2.1 misreads '' inside CONTINUE strings, even in
        // its own output (astropy issue #14581, fixed by PR #14598). Our own tests cover '' everywhere.
        var origin = "Trap test writer with a long value " + new string('x', 90) + " and an end";
        var header = new FitsHeader(
        [
            FitsCard.OfString("OBJECT", "O'Hara"),
            FitsCard.OfString("ORIGIN", origin),
            FitsCard.OfReal("CRVAL3", 143650817.871094),
            FitsCard.Commentary("HISTORY", "step one"),
            FitsCard.Commentary("HISTORY", "step two"),
        ]);
        if (bitpix > 0)
        {
            header.Add(FitsCard.OfReal("BSCALE", 0.5));
            header.Add(FitsCard.OfReal("BZERO", bitpix == 8 ? 0.0 : 10.0));
            header.Add(FitsCard.OfInteger("BLANK", bitpix == 8 ? 255 : -1));
        }
        var pixels = new[] { 10f, 10.5f, float.NaN, 60f, 11f, 100f };
        using var folder = new TempFolder();
        var path = folder.File("written.fits");
        FitsWriter.Write(path, header, pixels, [3, 2], bitpix);

        using var dump = JsonDocument.Parse(RunPython(DumpScript, path));
        var root = dump.RootElement;
        Assert.Equal(bitpix, root.GetProperty("bitpix").GetInt32());
        Assert.Equal(origin, root.GetProperty("origin").GetString());
        Assert.Equal("O'Hara", root.GetProperty("object").GetString());
        Assert.Equal(143650817.871094, root.GetProperty("crval3").GetDouble());
        Assert.Equal(["step one", "step two"], root.GetProperty("history").EnumerateArray().Select(e => e.GetString()));
        var data = root.GetProperty("data").EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.Null ? float.NaN : (float)e.GetDouble()).ToArray();
        Assert.Equal(pixels, data);
    }

    [Fact]
    public void TrapReadsWhatAstropyWrites()
    {
        const string writeScript = """
            import sys, numpy
            from astropy.io import fits
            cube = (numpy.arange(4 * 3 * 2, dtype=numpy.float32) * 0.25 - 1.0).reshape(2, 3, 4)
            cube[0, 1, 2] = numpy.nan
            h = fits.Header()
            h["CTYPE1"] = "RA---SIN"; h["CTYPE2"] = "DEC--SIN"; h["CTYPE3"] = "FREQ"
            h["ORIGIN"] = "astropy with a value longer than one card can hold, " + "y" * 60
            h["CRVAL3"] = 1.5e8
            h.add_history("first"); h.add_history("second")
            fits.PrimaryHDU(cube, header=h).writeto(sys.argv[1] + "/cube.fits")
            counts = numpy.array([[0, 1, 65535], [32768, 2, 7]], dtype=numpy.uint16)
            fits.PrimaryHDU(counts).writeto(sys.argv[1] + "/uint16.fits")
            fits.HDUList([fits.PrimaryHDU(), fits.BinTableHDU.from_columns([fits.Column(name="a", format="E", array=numpy.ones(5))]),
                          fits.ImageHDU(numpy.float64([[1.5, 2.5]]), name="SKY")]).writeto(sys.argv[1] + "/extensions.fits")
            """;
        using var folder = new TempFolder();
        RunPython(writeScript, folder.Path);

        var (cube, plane0) = FitsFile.ReadImage(folder.File("cube.fits"));
        Assert.Equal([4, 3, 2], cube.Axes);
        Assert.True(cube.IsCube);
        var expected = Enumerable.Range(0, 12).Select(i => i * 0.25f - 1f).ToArray();
        expected[1 * 4 + 2] = float.NaN;
        Assert.Equal(expected, plane0);
        Assert.Equal(Enumerable.Range(12, 12).Select(i => i * 0.25f - 1f), FitsFile.ReadImagePlane(folder.File("cube.fits"), 1).Pixels);
        Assert.Equal("astropy with a value longer than one card can hold, " + new string('y', 60), cube.Header.GetString("ORIGIN"));
        Assert.Equal(["first", "second"], cube.Header.History);

        Assert.Equal([0f, 1f, 65535f, 32768f, 2f, 7f], FitsFile.ReadImage(folder.File("uint16.fits")).Pixels);

        var (sky, pixels) = FitsFile.ReadImage(folder.File("extensions.fits"));
        Assert.Equal(2, sky.HduIndex);
        Assert.Equal("SKY", sky.Header.GetString("EXTNAME"));
        Assert.Equal([1.5f, 2.5f], pixels);
    }

    private static string RunPython(string script, string argument)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Python}");
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{Python} failed (is python3-astropy installed? tests/run-tests.sh installs it): {stderr.Result}");
        return output;
    }
}
