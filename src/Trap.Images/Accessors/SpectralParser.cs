using Trap.Formats.Fits;

namespace Trap.Images.Accessors;

/// <summary>Frequency and bandwidth of an image and where they came from.</summary>
public sealed record SpectralInfo(double FrequencyHz, double BandwidthHz, string Source, IReadOnlyList<string> Warnings);

/// <summary>
/// Derives the image frequency and bandwidth from a header (docs/science.md §10.6).
/// <para>Project decision (correct physics, not TraP parity): the spectral axis wins. TraP reads RESTFRQ
/// first, which is wrong whenever RESTFRQ is a line rest frequency (ASKAP writes the HI line while the
/// image is at 888 MHz) and whenever a VOPT axis is offset from it (AMI-LA CASA images). So:</para>
/// <list type="number">
/// <item>a spectral axis anywhere up to WCSAXES: FREQ or FREQ-xxx gives ν = CRVAL + CDELT·(1 − CRPIX),
/// bandwidth |CDELT|; VOPT (or AIPS FELO) gives ν = ν0 / (1 + v/c) and VRAD ν = ν0 (1 − v/c) with
/// ν0 = RESTFRQ or RESTFREQ, the bandwidth being |ν(v + CDELT) − ν(v)| — exactly casacore's own
/// spectral increment for the images image2fits writes;</item>
/// <item>without a spectral axis, TraP's path: RESTFRQ (or RESTFREQ) with bandwidth RESTBW, else 1 MHz
/// and a warning;</item>
/// <item>nothing: an error naming the keywords looked for.</item>
/// </list>
/// When RESTFRQ is present but differs from a FREQ axis, a warning records it.
/// </summary>
public static class SpectralParser
{
    /// <summary>Speed of light in m/s.</summary>
    public const double SpeedOfLight = 299_792_458.0;

    /// <summary>TraP's bandwidth when only RESTFRQ is known.</summary>
    public const double DefaultBandwidthHz = 1e6;

    public static SpectralInfo Parse(FitsHeader header, string file)
    {
        var restFrequency = header.GetDouble("RESTFRQ") ?? header.GetDouble("RESTFREQ");
        var axis = HeaderAxes.Find(header, IsSpectral);
        if (axis is { } n)
        {
            return FromAxis(header, n, restFrequency, file);
        }
        if (restFrequency is { } nu0 && nu0 > 0)
        {
            var restBandwidth = header.GetDouble("RESTBW");
            if (restBandwidth is { } bw && bw > 0)
            {
                return new SpectralInfo(nu0, bw, "RESTFRQ/RESTBW", Array.Empty<string>());
            }
            return new SpectralInfo(nu0, DefaultBandwidthHz, "RESTFRQ",
                new[] { "no spectral axis and no RESTBW: bandwidth set to 1 MHz as TraP does" });
        }
        throw new ImageFormatException(file,
            "no observing frequency in the header: looked for a spectral axis (CTYPEn = FREQ, FREQ-xxx, VOPT or VRAD, " +
            "n up to WCSAXES) and for RESTFRQ/RESTFREQ (with RESTBW)",
            "Add CTYPE3 = 'FREQ' with CRVAL3 (Hz) and CDELT3 (the bandwidth), or RESTFRQ and RESTBW, to the header.");
    }

    private static bool IsSpectral(string ctype) =>
        ctype == "FREQ" || ctype.StartsWith("FREQ-", StringComparison.Ordinal) ||
        ctype == "VOPT" || ctype.StartsWith("VOPT-", StringComparison.Ordinal) ||
        ctype.StartsWith("FELO", StringComparison.Ordinal) ||
        ctype == "VRAD" || ctype.StartsWith("VRAD-", StringComparison.Ordinal);

    private static SpectralInfo FromAxis(FitsHeader header, int axis, double? restFrequency, string file)
    {
        var ctype = HeaderAxes.CType(header, axis);
        var unit = (header.GetString($"CUNIT{axis}") ?? string.Empty).Trim();
        if (ctype.StartsWith("FREQ", StringComparison.Ordinal))
        {
            var scale = FrequencyUnitScale(unit, axis, file);
            var frequency = HeaderAxes.ValueAtFirstPixel(header, axis) * scale;
            var bandwidth = Math.Abs(HeaderAxes.Increment(header, axis) * scale);
            CheckPositive(frequency, $"CTYPE{axis} = '{ctype}' gives a frequency of {frequency} Hz", file);
            var warnings = new List<string>();
            if (restFrequency is { } rest && rest > 0 && Math.Abs(rest - frequency) > 1e-6 * frequency)
            {
                warnings.Add($"RESTFRQ ({rest} Hz) differs from the spectral axis ({frequency} Hz); " +
                             "the spectral axis is used (RESTFRQ is a line rest frequency here)");
            }
            return new SpectralInfo(frequency, bandwidth, $"CTYPE{axis}={ctype}", warnings);
        }

        if (restFrequency is not { } nu0 || nu0 <= 0)
        {
            throw new ImageFormatException(file,
                $"the spectral axis CTYPE{axis} = '{ctype}' is a velocity but there is no RESTFRQ/RESTFREQ to convert it to a frequency",
                "Add RESTFRQ (Hz) to the header, or write the image with a FREQ axis.");
        }
        var velocityScale = VelocityUnitScale(unit, axis, file);
        var velocity = HeaderAxes.ValueAtFirstPixel(header, axis) * velocityScale;
        var step = HeaderAxes.Increment(header, axis) * velocityScale;
        Func<double, double> toFrequency = ctype.StartsWith("VRAD", StringComparison.Ordinal)
            ? v => nu0 * (1.0 - v / SpeedOfLight)
            : v => nu0 / (1.0 + v / SpeedOfLight);
        var nu = toFrequency(velocity);
        CheckPositive(nu, $"CTYPE{axis} = '{ctype}' with RESTFRQ {nu0} Hz gives a frequency of {nu} Hz", file);
        var width = Math.Abs(toFrequency(velocity + step) - nu);
        return new SpectralInfo(nu, width, $"CTYPE{axis}={ctype}+RESTFRQ", Array.Empty<string>());
    }

    private static double FrequencyUnitScale(string unit, int axis, string file) => unit.ToUpperInvariant() switch
    {
        "" or "HZ" => 1.0,
        "KHZ" => 1e3,
        "MHZ" => 1e6,
        "GHZ" => 1e9,
        _ => throw new ImageFormatException(file, $"CUNIT{axis} = '{unit}' is not a frequency unit",
            "Use Hz, kHz, MHz or GHz for the spectral axis."),
    };

    private static double VelocityUnitScale(string unit, int axis, string file) => unit.ToLowerInvariant() switch
    {
        "" or "m/s" => 1.0,
        "km/s" => 1e3,
        _ => throw new ImageFormatException(file, $"CUNIT{axis} = '{unit}' is not a velocity unit",
            "Use m/s or km/s for a velocity axis."),
    };

    private static void CheckPositive(double frequency, string what, string file)
    {
        if (!(frequency > 0) || double.IsInfinity(frequency))
        {
            throw new ImageFormatException(file, what + ", which is not a valid frequency",
                "Check the spectral axis keywords (CRVAL, CDELT, CRPIX, CUNIT) and RESTFRQ.");
        }
    }
}
