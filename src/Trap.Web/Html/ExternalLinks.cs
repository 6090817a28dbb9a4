using System.Globalization;

namespace Trap.Web.Html;

/// <summary>Cone searches in SIMBAD and NED around a position (plain links; Trap itself never calls them).</summary>
public static class ExternalLinks
{
    /// <summary>Search radius of both links (arcmin), as VAST's source page.</summary>
    public const double RadiusArcmin = 2.0;

    public static string Simbad(double raDeg, double decDeg) =>
        "https://simbad.cds.unistra.fr/simbad/sim-coo?Coord=" + Uri.EscapeDataString(Position(raDeg, decDeg)) +
        "&CooFrame=ICRS&CooEqui=2000&Radius=" + Num(RadiusArcmin) + "&Radius.unit=arcmin";

    public static string Ned(double raDeg, double decDeg) =>
        "https://ned.ipac.caltech.edu/conesearch?search_type=Near%20Position%20Search&in_csys=Equatorial&in_equinox=J2000" +
        "&ra=" + Num(raDeg) + "d&dec=" + Uri.EscapeDataString(Num(decDeg) + "d") + "&radius=" + Num(RadiusArcmin) + "&Z_CONSTRAINT=Unconstrained";

    /// <summary>Both links as HTML.</summary>
    public static string Both(double raDeg, double decDeg) =>
        HtmlText.ExternalLink(Simbad(raDeg, decDeg), "SIMBAD") + " " + HtmlText.ExternalLink(Ned(raDeg, decDeg), "NED");

    private static string Position(double raDeg, double decDeg) => Num(raDeg) + " " + (decDeg >= 0 ? "+" : "") + Num(decDeg);

    private static string Num(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
