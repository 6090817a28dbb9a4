using System.Globalization;

namespace Trap.Web.Html;

/// <summary>Cone searches in SIMBAD, NED, VizieR and the Transient Name Server around a position (plain links; Trap itself never calls them).</summary>
public static class ExternalLinks
{
    /// <summary>Search radius of every link (arcmin), as VAST's source page.</summary>
    public const double RadiusArcmin = 2.0;

    public static string Simbad(double raDeg, double decDeg) =>
        "https://simbad.cds.unistra.fr/simbad/sim-coo?Coord=" + Uri.EscapeDataString(Position(raDeg, decDeg)) +
        "&CooFrame=ICRS&CooEqui=2000&Radius=" + Num(RadiusArcmin) + "&Radius.unit=arcmin";

    public static string Ned(double raDeg, double decDeg) =>
        "https://ned.ipac.caltech.edu/conesearch?search_type=Near%20Position%20Search&in_csys=Equatorial&in_equinox=J2000" +
        "&ra=" + Num(raDeg) + "d&dec=" + Uri.EscapeDataString(Num(decDeg) + "d") + "&radius=" + Num(RadiusArcmin) + "&Z_CONSTRAINT=Unconstrained";

    /// <summary>VizieR's search of all its catalogues around the position.</summary>
    public static string Vizier(double raDeg, double decDeg) =>
        "https://vizier.cds.unistra.fr/viz-bin/VizieR?-c=" + Uri.EscapeDataString(Position(raDeg, decDeg)) + "&-c.r=" + Num(RadiusArcmin) + "&-c.u=arcmin";

    /// <summary>The Transient Name Server's object search around the position (radius in arcsec there).</summary>
    public static string Tns(double raDeg, double decDeg) =>
        "https://www.wis-tns.org/search?ra=" + Num(raDeg) + "&decl=" + Num(decDeg) + "&radius=" + Num(RadiusArcmin * 60) + "&coords_unit=arcsec";

    /// <summary>Every link as HTML.</summary>
    public static string All(double raDeg, double decDeg) =>
        HtmlText.ExternalLink(Simbad(raDeg, decDeg), "SIMBAD") + " " + HtmlText.ExternalLink(Ned(raDeg, decDeg), "NED") + " " +
        HtmlText.ExternalLink(Vizier(raDeg, decDeg), "VizieR") + " " + HtmlText.ExternalLink(Tns(raDeg, decDeg), "TNS");

    private static string Position(double raDeg, double decDeg) => Num(raDeg) + " " + (decDeg >= 0 ? "+" : "") + Num(decDeg);

    private static string Num(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
