using Trap.Formats.Fits;

namespace Trap.Images.Accessors;

/// <summary>
/// The Stokes parameter of plane 0 from a STOKES axis (FITS codes: 1 I, 2 Q, 3 U, 4 V; −1..−4 RR, LL,
/// RL, LR; −5..−8 XX, YY, XY, YX). Images without a STOKES axis are taken as total intensity, "I".
/// </summary>
public static class StokesParser
{
    private static readonly Dictionary<int, string> Codes = new()
    {
        [1] = "I", [2] = "Q", [3] = "U", [4] = "V",
        [-1] = "RR", [-2] = "LL", [-3] = "RL", [-4] = "LR",
        [-5] = "XX", [-6] = "YY", [-7] = "XY", [-8] = "YX",
    };

    public static string Parse(FitsHeader header, string file)
    {
        if (HeaderAxes.Find(header, ctype => ctype == "STOKES") is not { } axis) return "I";
        var value = HeaderAxes.ValueAtFirstPixel(header, axis);
        var code = (int)Math.Round(value);
        if (Math.Abs(value - code) > 1e-6 || !Codes.TryGetValue(code, out var name))
        {
            throw new ImageFormatException(file, $"the STOKES axis (axis {axis}) gives code {value} for plane 0, which is not a Stokes code",
                "Fix CRVAL/CDELT/CRPIX of the STOKES axis (1 = I, 2 = Q, 3 = U, 4 = V).");
        }
        return name;
    }
}
