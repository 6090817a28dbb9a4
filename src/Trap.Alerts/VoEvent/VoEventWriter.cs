using System.Globalization;
using System.Text;
using System.Xml;

namespace Trap.Alerts;

/// <summary>
/// Writes VOEvent 2.0 packets (docs/science.md §11): the root element in the VOEvent namespace with prefix
/// "voe", every child unqualified (the schema's elementFormDefault is unqualified); Who, What (Params,
/// a light-curve summary Group and the light curve as a Table), WhereWhen (UTC-ICRS-GEO: RA/Dec in
/// degrees with an error circle, ISO time in UTC), How and Why (importance and an Inference naming
/// the class).
/// </summary>
public static class VoEventWriter
{
    public const string Namespace = "http://www.ivoa.net/xml/VOEvent/v2.0";
    public const string SchemaUrl = "http://www.ivoa.net/xml/VOEvent/VOEvent-v2.0.xsd";
    private const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";
    public const string CoordSystem = "UTC-ICRS-GEO";

    /// <summary>At most this many light-curve rows (the latest) go in the packet, keeping it far below Comet's 100 kB message limit.</summary>
    public const int MaxLightCurveRows = 200;

    /// <summary>The packet as UTF-8 bytes.</summary>
    public static byte[] Write(AlertContent alert, AlertConfig config)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  " };
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("voe", "VOEvent", Namespace);
            xml.WriteAttributeString("xmlns", "xsi", null, XsiNamespace);
            xml.WriteAttributeString("xsi", "schemaLocation", XsiNamespace, $"{Namespace} {SchemaUrl}");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("role", config.Role.ToString().ToLowerInvariant());
            xml.WriteAttributeString("ivorn", alert.Ivorn);
            WriteWho(xml, alert, config);
            WriteWhat(xml, alert);
            WriteWhereWhen(xml, alert);
            WriteHow(xml);
            WriteWhy(xml, alert);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void WriteWho(XmlWriter xml, AlertContent alert, AlertConfig config)
    {
        xml.WriteStartElement("Who");
        xml.WriteElementString("AuthorIVORN", config.AuthorIvorn);
        xml.WriteElementString("Date", alert.CreatedUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        xml.WriteStartElement("Author");
        xml.WriteElementString("title", config.AuthorTitle);
        xml.WriteElementString("shortName", "Trap");
        if (config.ContactName.Length > 0) xml.WriteElementString("contactName", config.ContactName);
        if (config.ContactEmail.Length > 0) xml.WriteElementString("contactEmail", config.ContactEmail);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteWhat(XmlWriter xml, AlertContent a)
    {
        xml.WriteStartElement("What");
        Param(xml, "dataset", a.Dataset, "string", null, "meta.id;meta.dataset", "Trap dataset (job) name");
        Param(xml, "runcat_id", a.RuncatId.ToString(CultureInfo.InvariantCulture), "int", null, "meta.id", "Catalogue source id in the dataset");
        Param(xml, "class", a.Class, "string", null, "src.class", "Classification: new_source, flare, fading, variable or artefact");
        Param(xml, "class_score", a.Score, null, "stat.probability", "Classification confidence (0.5 at the decision threshold, 1 far beyond)");
        Param(xml, "class_rule", a.ClassRule, "string", null, "meta.code", "The rule that decided the class");
        Param(xml, "selected_by", a.SelectedBy, "string", null, "meta.code", "Selection tests passed: new_source, cuts, outlier");
        Param(xml, "band_id", a.BandId.ToString(CultureInfo.InvariantCulture), "int", null, "meta.id;em.freq", "Frequency band id");
        Param(xml, "band_frequency", a.BandFrequencyHz, "Hz", "em.freq", "Central frequency of the band");
        Param(xml, "peak_flux", a.PeakFluxJy, "Jy", "phot.flux.density;em.radio", "Brightest integrated flux density of the light curve");
        Param(xml, "peak_flux_err", a.PeakFluxErrJy, "Jy", "stat.error;phot.flux.density;em.radio", "Error of peak_flux");
        Param(xml, "eta_int", a.EtaInt, null, "stat.fit.chi2", "Variability index eta of integrated flux (reduced chi-square about the weighted mean)");
        Param(xml, "v_int", a.VInt, null, "src.var.amplitude", "Variability index V of integrated flux (standard deviation over mean)");
        Param(xml, "eta_significance", a.EtaSignificance, null, "stat.probability", "Probability the light curve is not flat, 1 - Q_chi2(eta(N-1); N-1)");
        Param(xml, "f_datapoints", a.FDatapoints.ToString(CultureInfo.InvariantCulture), "int", null, "meta.number", "Flux measurements in the band");
        if (a.NewSourceType is { } type)
        {
            Param(xml, "newsource_type", type.ToString(CultureInfo.InvariantCulture), "int", null, "meta.code",
                "0 possible transient (above the best part of the best earlier image), 1 likely transient (above its worst part too)");
        }
        if (a.SigmaRmsMin is { } sMin) Param(xml, "sigma_rms_min", sMin, null, "stat.snr", "Trigger flux over the lowest RMS of the best earlier image");
        if (a.SigmaRmsMax is { } sMax) Param(xml, "sigma_rms_max", sMax, null, "stat.snr", "Trigger flux over the highest RMS of the best earlier image");

        xml.WriteStartElement("Group");
        xml.WriteAttributeString("name", "light_curve_summary");
        xml.WriteAttributeString("type", "light_curve_summary");
        Param(xml, "points", a.LightCurve.Count.ToString(CultureInfo.InvariantCulture), "int", null, "meta.number", "Light-curve points in the band");
        Param(xml, "forced_fraction", a.ForcedFraction, null, "arith.ratio", "Fraction of points that are forced fits (not blind detections)");
        Param(xml, "first_detection", Iso(a.FirstDetectionUtc), "string", null, "time.start", "First blind detection (UTC)");
        Param(xml, "peak_time", Iso(a.PeakUtc), "string", null, "time.epoch", "Time of the brightest point (UTC)");
        Param(xml, "first_to_peak", a.FirstToPeak, null, "arith.ratio", "First flux over peak flux");
        Param(xml, "last_to_peak", a.LastToPeak, null, "arith.ratio", "Last flux over peak flux");
        Param(xml, "time_trend", a.TimeTrend, null, "stat.correlation", "Spearman rank correlation of flux with time");
        xml.WriteEndElement();

        WriteLightCurveTable(xml, a.LightCurve);
        xml.WriteEndElement();
    }

    private static void WriteLightCurveTable(XmlWriter xml, IReadOnlyList<AlertLightCurvePoint> points)
    {
        xml.WriteStartElement("Table");
        xml.WriteAttributeString("name", "light_curve");
        xml.WriteElementString("Description",
            points.Count > MaxLightCurveRows ? $"The latest {MaxLightCurveRows} of {points.Count} points of the band's light curve" : "The band's light curve");
        Field(xml, "time", null, "time.epoch", "string");
        Field(xml, "f_int", "Jy", "phot.flux.density;em.radio", "float");
        Field(xml, "f_int_err", "Jy", "stat.error;phot.flux.density", "float");
        Field(xml, "forced", null, "meta.code", "int");
        xml.WriteStartElement("Data");
        foreach (var p in points.Skip(Math.Max(0, points.Count - MaxLightCurveRows)))
        {
            xml.WriteStartElement("TR");
            xml.WriteElementString("TD", Iso(p.TimeUtc));
            xml.WriteElementString("TD", Number(p.FIntJy));
            xml.WriteElementString("TD", Number(p.FIntErrJy));
            xml.WriteElementString("TD", p.IsForced ? "1" : "0");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteWhereWhen(XmlWriter xml, AlertContent a)
    {
        xml.WriteStartElement("WhereWhen");
        xml.WriteStartElement("ObsDataLocation");
        xml.WriteStartElement("ObservatoryLocation");
        xml.WriteAttributeString("id", "GEOSURFACE");
        xml.WriteEndElement();
        xml.WriteStartElement("ObservationLocation");
        xml.WriteStartElement("AstroCoordSystem");
        xml.WriteAttributeString("id", CoordSystem);
        xml.WriteEndElement();
        xml.WriteStartElement("AstroCoords");
        xml.WriteAttributeString("coord_system_id", CoordSystem);
        xml.WriteStartElement("Time");
        xml.WriteAttributeString("unit", "s");
        xml.WriteStartElement("TimeInstant");
        xml.WriteElementString("ISOTime", Iso(a.TriggerUtc));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("Position2D");
        xml.WriteAttributeString("unit", "deg");
        xml.WriteElementString("Name1", "RA");
        xml.WriteElementString("Name2", "Dec");
        xml.WriteStartElement("Value2");
        xml.WriteElementString("C1", Number(a.RaDeg));
        xml.WriteElementString("C2", Number(a.DecDeg));
        xml.WriteEndElement();
        xml.WriteElementString("Error2Radius", Number(a.ErrorRadiusDeg));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WriteHow(XmlWriter xml)
    {
        xml.WriteStartElement("How");
        xml.WriteElementString("Description",
            "Trap (a re-creation of the LOFAR Transients Pipeline): source extraction, De Ruiter association, forced photometry, " +
            "per-band variability indices eta and V, new-source detection, candidate selection and rule-based classification.");
        xml.WriteEndElement();
    }

    private static void WriteWhy(XmlWriter xml, AlertContent a)
    {
        var score = Number(Math.Clamp(a.Score, 0.0, 1.0));
        xml.WriteStartElement("Why");
        xml.WriteAttributeString("importance", score);
        xml.WriteStartElement("Inference");
        xml.WriteAttributeString("probability", score);
        xml.WriteAttributeString("relation", "identified");
        xml.WriteElementString("Concept", ConceptOf(a.Class));
        xml.WriteElementString("Name", a.Class);
        xml.WriteEndElement();
        xml.WriteElementString("Description", $"Radio {a.Class.Replace('_', ' ')} candidate (rule {a.ClassRule}; selected by {a.SelectedBy})");
        xml.WriteEndElement();
    }

    /// <summary>UCD1+ words for the classes (VOEvent concepts are free text, UCDs are the usual choice).</summary>
    private static string ConceptOf(string className) => className switch
    {
        "flare" => "process.variation.burst;em.radio",
        "artefact" => "meta.code.qual;instr.det.noise",
        _ => "process.variation;em.radio",
    };

    private static void Param(XmlWriter xml, string name, double value, string? unit, string ucd, string description)
    {
        if (!double.IsFinite(value)) return;
        Param(xml, name, Number(value), "float", unit, ucd, description);
    }

    private static void Param(XmlWriter xml, string name, string value, string dataType, string? unit, string ucd, string description)
    {
        xml.WriteStartElement("Param");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("value", value);
        xml.WriteAttributeString("dataType", dataType);
        if (unit is not null) xml.WriteAttributeString("unit", unit);
        xml.WriteAttributeString("ucd", ucd);
        xml.WriteElementString("Description", description);
        xml.WriteEndElement();
    }

    private static void Field(XmlWriter xml, string name, string? unit, string ucd, string dataType)
    {
        xml.WriteStartElement("Field");
        xml.WriteAttributeString("name", name);
        if (unit is not null) xml.WriteAttributeString("unit", unit);
        xml.WriteAttributeString("ucd", ucd);
        xml.WriteAttributeString("dataType", dataType);
        xml.WriteEndElement();
    }

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);

    /// <summary>Round-trip decimal text; non-finite values as the xs:float forms NaN, INF, -INF.</summary>
    private static string Number(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "INF" : double.IsNegativeInfinity(value) ? "-INF"
            : value.ToString("R", CultureInfo.InvariantCulture);
}
