using System.Globalization;
using Trap.Formats.Fits;

namespace Trap.Formats.Tests.Wcs;

/// <summary>
/// Hand-made WCS headers for the cases real files lack (docs/science.md §10.7): NCP, slant SIN,
/// CD and CROTA2 matrices, flipped all-sky SIN, the poles, the RA 0/360 crossing, every projection.
/// The same card text feeds our reader and astropy.
/// </summary>
internal sealed record SyntheticHeader(string Name, int Nx, int Ny, bool HasOffSkyPixels, params (string Key, object Value)[] Cards)
{
    public IEnumerable<string> CardImages() =>
        new[] { ("NAXIS", (object)2), ("NAXIS1", Nx), ("NAXIS2", Ny) }.Concat(Cards).Select(c => Render(c.Item1, c.Item2));

    public FitsHeader ToHeader() => FitsHeader.FromCardImages(CardImages());

    public string Text => string.Join("\n", CardImages());

    public override string ToString() => Name;

    private static string Render(string key, object value) => value switch
    {
        string s => $"{key,-8}= '{s,-8}'",
        int i => $"{key,-8}= {i,20}",
        double d => $"{key,-8}= {d.ToString("R", CultureInfo.InvariantCulture),20}",
        _ => throw new ArgumentException($"unsupported card value {value}"),
    };

    private static (string, object)[] Sky(string projection, double ra, double dec, double crpix1, double crpix2) =>
    [
        ("CTYPE1", $"RA---{projection}"), ("CTYPE2", $"DEC--{projection}"),
        ("CRVAL1", ra), ("CRVAL2", dec), ("CRPIX1", crpix1), ("CRPIX2", crpix2),
    ];

    private static (string, object)[] Cdelt(double cdelt1, double cdelt2) => [("CDELT1", cdelt1), ("CDELT2", cdelt2)];

    public static IReadOnlyList<SyntheticHeader> All { get; } =
    [
        new("ncp-dec30", 256, 256, false, [.. Sky("NCP", 150, 30, 129, 129), .. Cdelt(-0.01, 0.01)]),
        new("ncp-dec80", 256, 256, false, [.. Sky("NCP", 45, 80, 129, 129), .. Cdelt(-0.02, 0.02)]),
        new("sin-slant", 256, 256, true, [.. Sky("SIN", 200, -30, 120.5, 140.5), .. Cdelt(-0.3, 0.3), ("PV2_1", 0.1), ("PV2_2", -0.2)]),
        new("tan-full-cd", 300, 200, false,
            [.. Sky("TAN", 83.63, 22.01, 150.5, 99.5), ("CD1_1", -2.0e-4), ("CD1_2", 3.0e-5), ("CD2_1", 4.0e-5), ("CD2_2", 2.1e-4)]),
        new("sin-crota2-nonsquare", 200, 300, false, [.. Sky("SIN", 30, -20, 100.5, 150.5), .. Cdelt(-0.002, 0.003), ("CROTA2", 30.0)]),
        new("sin-full-pc", 256, 256, false,
            [.. Sky("SIN", 250, 40, 128.5, 128.5), .. Cdelt(-0.001, 0.001), ("PC1_1", 0.9), ("PC1_2", 0.3), ("PC2_1", -0.2), ("PC2_2", 1.1)]),
        new("aartfaac-like-allsky-sin", 1024, 1024, true, [.. Sky("SIN", 271.5989539866, 52.91512243454, 513, 513), .. Cdelt(0.1121407099276, -0.1121407099276)]),
        new("sin-dec-minus89.9", 256, 256, false, [.. Sky("SIN", 10, -89.9, 129, 129), .. Cdelt(-0.01, 0.01)]),
        new("sin-dec90", 256, 256, false, [.. Sky("SIN", 0, 90, 129, 129), .. Cdelt(-0.01, 0.01)]),
        new("sin-ra-0-360-crossing", 256, 256, false, [.. Sky("SIN", 0.05, 20, 129, 129), .. Cdelt(-0.001, 0.001)]),
        new("sin-radian-units", 256, 256, false,
            [.. Sky("SIN", 2.0, 0.5, 128.5, 128.5), .. Cdelt(-2e-5, 2e-5), ("CUNIT1", "rad"), ("CUNIT2", "RAD")]),
        new("sin-dec-first", 256, 256, false,
            [("CTYPE1", "DEC--SIN"), ("CTYPE2", "RA---SIN"), ("CRVAL1", 35.0), ("CRVAL2", 120.0), ("CRPIX1", 100.5), ("CRPIX2", 130.5), .. Cdelt(0.002, -0.002)]),
        new("tan-galactic", 256, 256, false,
            [("CTYPE1", "GLON-TAN"), ("CTYPE2", "GLAT-TAN"), ("CRVAL1", 359.9), ("CRVAL2", -5.0), ("CRPIX1", 128.5), ("CRPIX2", 128.5), .. Cdelt(-0.01, 0.01)]),
        new("arc-dec60", 256, 256, false, [.. Sky("ARC", 120, 60, 128.5, 128.5), .. Cdelt(-0.05, 0.05)]),
        new("arc-allsky", 256, 256, true, [.. Sky("ARC", 120, 60, 128.5, 128.5), .. Cdelt(-1.6, 1.6)]),
        new("stg-dec-minus45", 256, 256, false, [.. Sky("STG", 300, -45, 128.5, 128.5), .. Cdelt(-0.05, 0.05)]),
        new("zea-allsky", 256, 256, true, [.. Sky("ZEA", 30, 10, 128.7, 128.3), .. Cdelt(-1.5, 1.5)]),
        new("ait-lonpole10", 360, 180, true, [.. Sky("AIT", 45, 60, 180.3, 90.2), .. Cdelt(-1.0, 1.0), ("LONPOLE", 10.0)]),
        new("car-dec30", 360, 180, true, [.. Sky("CAR", 0, 30, 180.3, 90.2), .. Cdelt(-1.0, 1.0)]),
        new("car-dec30-latpole-minus90", 360, 180, true, [.. Sky("CAR", 0, 30, 180.3, 90.2), .. Cdelt(-1.0, 1.0), ("LATPOLE", -90.0)]),
    ];
}
