using System.Globalization;
using System.Text.RegularExpressions;
using Trap.Formats.Fits;
using Trap.Formats.Wcs.Projections;

namespace Trap.Formats.Wcs;

/// <summary>
/// Turns the primary WCS keywords of a header into <see cref="CelestialWcsParameters"/>: finds the
/// celestial axes by CTYPE, converts CUNIT, applies the matrix precedence PC (also legacy PC00i00j)
/// &gt; CD &gt; CROTA2, and reads LONPOLE, LATPOLE and the latitude axis' PV values.
/// </summary>
internal static partial class WcsHeaderReader
{
    private enum LinearForm { Pc, Cd, Crota, Cdelt }

    private static readonly Dictionary<string, (CelestialSystem System, bool IsLongitude)> Prefixes = new()
    {
        ["RA--"] = (CelestialSystem.Equatorial, true),
        ["DEC-"] = (CelestialSystem.Equatorial, false),
        ["GLON"] = (CelestialSystem.Galactic, true),
        ["GLAT"] = (CelestialSystem.Galactic, false),
        ["ELON"] = (CelestialSystem.Ecliptic, true),
        ["ELAT"] = (CelestialSystem.Ecliptic, false),
    };

    [GeneratedRegex(@"^(?:(?:CTYPE|CRPIX|CRVAL|CDELT|CUNIT|CROTA)(?<i>\d+)|(?<m>PC|CD)(?<i>\d+)_(?<j>\d+)|(?<m>PC)(?<i>\d{3})(?<j>\d{3}))$")]
    private static partial Regex WcsKeyword();

    public static CelestialWcsParameters Read(FitsHeader header, string file)
    {
        var (axisCount, form) = Survey(header);
        var (lonAxis, latAxis, system, code) = FindCelestialAxes(header, axisCount, file);
        var lonScale = WcsAngleUnits.DegreesPerUnit(header.GetString($"CUNIT{lonAxis}"), $"CUNIT{lonAxis}", file);
        var latScale = WcsAngleUnits.DegreesPerUnit(header.GetString($"CUNIT{latAxis}"), $"CUNIT{latAxis}", file);
        double Scale(int axis) => axis == lonAxis ? lonScale : axis == latAxis ? latScale : 1.0;
        double Cdelt(int axis) => (header.GetDouble($"CDELT{axis}") ?? 1.0) * Scale(axis);
        double Crpix(int axis) => header.GetDouble($"CRPIX{axis}") ?? 0.0;

        // Element (world axis w, pixel axis j) of the full linear matrix, in degrees per pixel.
        double Element(int w, int j)
        {
            switch (form)
            {
                case LinearForm.Pc:
                    var pc = header.GetDouble($"PC{w}_{j}") ??
                             header.GetDouble(string.Create(CultureInfo.InvariantCulture, $"PC{w:000}{j:000}")) ??
                             (w == j ? 1.0 : 0.0);
                    return Cdelt(w) * pc;
                case LinearForm.Cd:
                    return (header.GetDouble($"CD{w}_{j}") ?? 0.0) * Scale(w);
                case LinearForm.Crota when j == lonAxis || j == latAxis:
                    // AIPS convention: only CROTA of the latitude axis counts (FITS WCS Paper II §6.1).
                    var (sin, cos) = Math.SinCos((header.GetDouble($"CROTA{latAxis}") ?? 0.0) * Math.PI / 180);
                    if (w == j) return Cdelt(w) * cos;
                    return w == lonAxis ? -Cdelt(latAxis) * sin : Cdelt(lonAxis) * sin;
                default:
                    return w == j ? Cdelt(w) : 0.0;
            }
        }

        // The image plane is spanned by the two pixel axes with the celestial axes' numbers, in order.
        var xAxis = Math.Min(lonAxis, latAxis);
        var yAxis = Math.Max(lonAxis, latAxis);
        var matrix = new LinearMatrix(Element(lonAxis, xAxis), Element(lonAxis, yAxis), Element(latAxis, xAxis), Element(latAxis, yAxis));
        if (matrix.IsSingular)
        {
            throw new FitsFormatException(file,
                $"the linear WCS matrix of the celestial axes {lonAxis} and {latAxis} is singular ({form} form: {matrix})",
                "Check CDELTn, PCi_j or CDi_j in the header; a pixel size of 0 or parallel rows make pixels unmappable.");
        }

        // A matrix coupling the celestial axes to other axes moves plane 0 (other pixels at 1): fold that
        // constant shift into the reference pixel.
        double offsetLon = 0, offsetLat = 0;
        for (var j = 1; j <= axisCount; j++)
        {
            if (j == xAxis || j == yAxis) continue;
            offsetLon += Element(lonAxis, j) * (1 - Crpix(j));
            offsetLat += Element(latAxis, j) * (1 - Crpix(j));
        }
        var (shiftX, shiftY) = matrix.Inverse().Apply(offsetLon, offsetLat);

        var parameters = new CelestialWcsParameters
        {
            ProjectionCode = code,
            System = system,
            ReferenceLongitudeDeg = (header.GetDouble($"CRVAL{lonAxis}") ?? 0.0) * lonScale,
            ReferenceLatitudeDeg = (header.GetDouble($"CRVAL{latAxis}") ?? 0.0) * latScale,
            ReferencePixelX = Crpix(xAxis) - 1 - shiftX,
            ReferencePixelY = Crpix(yAxis) - 1 - shiftY,
            Matrix = matrix,
            LonPoleDeg = header.GetDouble("LONPOLE") ?? header.GetDouble($"PV{lonAxis}_3"),
            LatPoleDeg = header.GetDouble("LATPOLE") ?? header.GetDouble($"PV{lonAxis}_4"),
            ProjectionParameter1 = header.GetDouble($"PV{latAxis}_1") ?? 0.0,
            ProjectionParameter2 = header.GetDouble($"PV{latAxis}_2") ?? 0.0,
            LongitudeAxis = lonAxis,
            LatitudeAxis = latAxis,
        };
        var projection = ProjectionFactory.Create(code, parameters.ProjectionParameter1, parameters.ProjectionParameter2,
            parameters.ReferenceLatitudeDeg, file);
        RejectReferencePointOffsets(header, lonAxis, projection.Theta0 * 180 / Math.PI, file);
        return parameters;
    }

    /// <summary>The number of WCS axes, max(NAXIS, WCSAXES, highest index in a WCS keyword), and which
    /// linear form the header uses.</summary>
    private static (int AxisCount, LinearForm Form) Survey(FitsHeader header)
    {
        var highest = Math.Max(header.GetInt("NAXIS") ?? 0, header.GetInt("WCSAXES") ?? 0);
        bool hasPc = false, hasCd = false, hasCrota = false;
        foreach (var card in header.Cards)
        {
            var match = WcsKeyword().Match(card.Keyword);
            if (!match.Success) continue;
            highest = Math.Max(highest, int.Parse(match.Groups["i"].Value, CultureInfo.InvariantCulture));
            if (match.Groups["j"].Success) highest = Math.Max(highest, int.Parse(match.Groups["j"].Value, CultureInfo.InvariantCulture));
            hasPc |= match.Groups["m"].Value == "PC";
            hasCd |= match.Groups["m"].Value == "CD";
            hasCrota |= card.Keyword.StartsWith("CROTA", StringComparison.Ordinal);
        }
        var form = hasPc ? LinearForm.Pc : hasCd ? LinearForm.Cd : hasCrota ? LinearForm.Crota : LinearForm.Cdelt;
        return (highest, form);
    }

    private static (int Lon, int Lat, CelestialSystem System, string Code) FindCelestialAxes(FitsHeader header, int axisCount, string file)
    {
        var longitudes = new List<(int Axis, CelestialSystem System, string Code)>();
        var latitudes = new List<(int Axis, CelestialSystem System, string Code)>();
        for (var i = 1; i <= axisCount; i++)
        {
            var ctype = header.GetString($"CTYPE{i}")?.Trim().ToUpperInvariant();
            if (string.IsNullOrEmpty(ctype)) continue;
            var prefix = ctype.Length >= 4 ? ctype[..4] : ctype.PadRight(4, '-');
            if (!Prefixes.TryGetValue(prefix, out var kind)) continue;
            if (ctype.Length != 8 || ctype[4] != '-')
            {
                throw new FitsFormatException(file, $"CTYPE{i} = '{ctype}' names a celestial axis without a projection code",
                    "Celestial CTYPEs have the form 'RA---SIN' (4 characters, a hyphen, the projection); fix the header.");
            }
            (kind.IsLongitude ? longitudes : latitudes).Add((i, kind.System, ctype[5..]));
        }
        if (longitudes.Count == 0 || latitudes.Count == 0)
        {
            throw new FitsFormatException(file,
                "the header has no pair of celestial axes (CTYPEn 'RA---xxx'/'DEC--xxx', 'GLON-xxx'/'GLAT-xxx' or 'ELON-xxx'/'ELAT-xxx')",
                "Only sky images with a celestial WCS can be processed; check that the image was exported with its coordinates.");
        }
        if (longitudes.Count > 1 || latitudes.Count > 1)
        {
            throw new FitsFormatException(file, "the header has more than one celestial longitude or latitude axis",
                "Keep one celestial pair (e.g. CTYPE1 'RA---SIN', CTYPE2 'DEC--SIN') in the primary WCS.");
        }
        var (lon, lat) = (longitudes[0], latitudes[0]);
        if (lon.System != lat.System)
        {
            throw new FitsFormatException(file,
                $"the celestial axes mix coordinate systems (CTYPE{lon.Axis} is {lon.System}, CTYPE{lat.Axis} is {lat.System})",
                "Fix the CTYPE keywords so both axes belong to one system.");
        }
        if (lon.Code != lat.Code)
        {
            throw new FitsFormatException(file,
                $"the celestial axes use different projections (CTYPE{lon.Axis} '{lon.Code}', CTYPE{lat.Axis} '{lat.Code}')",
                "Fix the CTYPE keywords so both axes name the same projection.");
        }
        return (lon.Axis, lat.Axis, lon.System, lon.Code);
    }

    /// <summary>PVi_1 and PVi_2 of the longitude axis (φ0, θ0) may only repeat the projection's defaults
    /// (0 and θ0): other values move the reference point, which no radio imager does, so refuse rather
    /// than compute positions silently wrong.</summary>
    private static void RejectReferencePointOffsets(FitsHeader header, int lonAxis, double theta0Deg, string file)
    {
        foreach (var (m, expected) in new[] { (1, 0.0), (2, theta0Deg) })
        {
            var value = header.GetDouble($"PV{lonAxis}_{m}");
            if (value is { } v && Math.Abs(v - expected) > 1e-10)
            {
                throw new FitsFormatException(file,
                    $"PV{lonAxis}_{m} = {v.ToString(CultureInfo.InvariantCulture)} moves the projection's reference point, which Trap does not support",
                    $"Remove PV{lonAxis}_1 and PV{lonAxis}_2 (or regrid the image to a standard projection).");
            }
        }
    }
}
