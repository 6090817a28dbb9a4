using System.Text.RegularExpressions;
using Trap.Formats.Fits;

namespace Trap.Images.Accessors;

/// <summary>
/// The restoring beam from a header, all in degrees (FWHM) and position angle in degrees, tried in
/// this order: BMAJ/BMIN/BPA (WSClean, CASA, casacore); CLEANBMJ/CLEANBMN/CLEANBPA (Obit); the first
/// AIPS HISTORY line "AIPS CLEAN BMAJ= … BMIN= … BPA= …" (TraP's fallback). CASA images reach this
/// parser through image2fits, which writes BMAJ/BMIN/BPA in degrees whatever unit the CASA record used.
/// </summary>
public static partial class BeamParser
{
    /// <summary>The beam of the header, or null when none of the forms is present.</summary>
    public static RestoringBeam? TryParse(FitsHeader header)
    {
        var direct = FromKeywords(header, "BMAJ", "BMIN", "BPA") ?? FromKeywords(header, "CLEANBMJ", "CLEANBMN", "CLEANBPA");
        if (direct is not null) return direct;
        foreach (var line in header.History)
        {
            var match = AipsBeamLine().Match(line);
            if (match.Success &&
                FitsCardParser.TryParseReal(match.Groups[1].Value, out var major) &&
                FitsCardParser.TryParseReal(match.Groups[2].Value, out var minor) &&
                FitsCardParser.TryParseReal(match.Groups[3].Value, out var pa))
            {
                return new RestoringBeam(major, minor, pa);
            }
        }
        return null;
    }

    /// <summary>The user's beam when given, else the header's; an error when there is neither.</summary>
    public static RestoringBeam Parse(FitsHeader header, RestoringBeam? userBeam, string file)
    {
        var beam = userBeam ?? TryParse(header);
        if (beam is null)
        {
            var perChannel = header.GetBool("CASAMBM") == true
                ? " (CASAMBM = T: the beams are per channel in a BEAMS table, which Trap does not read)"
                : string.Empty;
            throw new ImageFormatException(file,
                "no restoring beam in the header: looked for BMAJ/BMIN/BPA, CLEANBMJ/CLEANBMN/CLEANBPA and an " +
                "'AIPS CLEAN BMAJ= BMIN= BPA=' HISTORY line" + perChannel,
                "Give the beam in the job configuration ([job] beam_major_deg, beam_minor_deg, beam_pa_deg) or add BMAJ, BMIN, BPA in degrees to the header.",
                fault: ImageFault.MissingBeam);
        }
        if (!(beam.MajorFwhmDeg > 0) || !(beam.MinorFwhmDeg > 0) || double.IsNaN(beam.PositionAngleDeg))
        {
            throw new ImageFormatException(file,
                $"the restoring beam ({beam.MajorFwhmDeg}°, {beam.MinorFwhmDeg}°, PA {beam.PositionAngleDeg}°) is not a valid beam",
                "Give the beam in the job configuration ([job] beam_major_deg, beam_minor_deg, beam_pa_deg) or fix BMAJ/BMIN/BPA in the header.",
                fault: ImageFault.MissingBeam);
        }
        return beam;
    }

    private static RestoringBeam? FromKeywords(FitsHeader header, string major, string minor, string pa)
    {
        var bmaj = header.GetDouble(major);
        var bmin = header.GetDouble(minor);
        if (bmaj is null || bmin is null) return null;
        return new RestoringBeam(bmaj.Value, bmin.Value, header.GetDouble(pa) ?? 0.0);
    }

    [GeneratedRegex(@"CLEAN\s+BMAJ=\s*([-+0-9.EeDd]+)\s+BMIN=\s*([-+0-9.EeDd]+)\s+BPA=\s*([-+0-9.EeDd]+)")]
    private static partial Regex AipsBeamLine();
}
