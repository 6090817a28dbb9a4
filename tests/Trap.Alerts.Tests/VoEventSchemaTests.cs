using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Trap.Alerts;

namespace Trap.Alerts.Tests;

/// <summary>Packets validate against the IVOA VOEvent 2.0 schema and say what the standard and brokers expect.</summary>
public class VoEventSchemaTests
{
    private static readonly XNamespace Voe = VoEventWriter.Namespace;

    private static XmlSchemaSet Schema()
    {
        var set = new XmlSchemaSet();
        set.Add(VoEventWriter.Namespace, Path.Combine(AppContext.BaseDirectory, "Fixtures", "VOEvent-v2.0.xsd"));
        set.Compile();
        return set;
    }

    /// <summary>Every schema error and warning of a packet (empty when valid).</summary>
    private static List<string> Validate(byte[] packet)
    {
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schema() };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new MemoryStream(packet), settings);
        while (reader.Read())
        {
        }
        return problems;
    }

    [Fact]
    public void PacketIsValidAgainstTheVoEvent20Schema()
    {
        var problems = Validate(VoEventWriter.Write(SampleAlerts.Flare(), SampleAlerts.Config));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(VoEventWriter.MaxLightCurveRows + 50)]
    public void LongAndShortLightCurvesAndMissingNumbersStayValid(int points)
    {
        var alert = SampleAlerts.Flare(points) with
        {
            NewSourceType = null, SigmaRmsMin = null, SigmaRmsMax = null, TimeTrend = double.NaN, PeakFluxErrJy = double.PositiveInfinity,
        };
        var packet = VoEventWriter.Write(alert, SampleAlerts.Config);
        Assert.Empty(Validate(packet));
        var rows = XDocument.Load(new MemoryStream(packet)).Descendants("TR").Count();
        Assert.Equal(Math.Min(points, VoEventWriter.MaxLightCurveRows), rows);
        Assert.True(packet.Length < MessageFraming.MaxMessageBytes, $"packet of {packet.Length} bytes");
        var names = XDocument.Load(new MemoryStream(packet)).Descendants("Param").Select(p => (string)p.Attribute("name")!).ToList();
        Assert.DoesNotContain("time_trend", names);
        Assert.DoesNotContain("newsource_type", names);
    }

    [Fact]
    public void SchemaCatchesAQualifiedChildTheCommonSerializerMistake()
    {
        // The check above must be able to fail: a packet whose children are in the VOEvent namespace is invalid.
        var document = XDocument.Load(new MemoryStream(VoEventWriter.Write(SampleAlerts.Flare(), SampleAlerts.Config)));
        foreach (var child in document.Root!.Elements()) child.Name = Voe + child.Name.LocalName;
        var buffer = new MemoryStream();
        document.Save(buffer);
        Assert.NotEmpty(Validate(buffer.ToArray()));
    }

    [Fact]
    public void PacketCarriesIdentityPositionTimeFluxesAndClass()
    {
        var alert = SampleAlerts.Flare();
        var root = XDocument.Load(new MemoryStream(VoEventWriter.Write(alert, SampleAlerts.Config))).Root!;
        Assert.Equal(Voe + "VOEvent", root.Name);
        Assert.Equal("2.0", (string?)root.Attribute("version"));
        Assert.Equal("test", (string?)root.Attribute("role"));
        Assert.Equal("ivo://trap.local/transients#demo_job-runcat-42", (string?)root.Attribute("ivorn"));
        Assert.All(root.Descendants(), e => Assert.Equal(XNamespace.None, e.Name.Namespace));

        var who = root.Element("Who")!;
        Assert.Equal("ivo://trap.local/transients", (string?)who.Element("AuthorIVORN"));
        Assert.Equal("2024-09-23T12:00:00Z", (string?)who.Element("Date"));
        Assert.Equal("a@example.org", (string?)who.Element("Author")!.Element("contactEmail"));

        var coords = root.Element("WhereWhen")!.Element("ObsDataLocation")!.Element("ObservationLocation")!;
        Assert.Equal("UTC-ICRS-GEO", (string?)coords.Element("AstroCoordSystem")!.Attribute("id"));
        var astro = coords.Element("AstroCoords")!;
        Assert.Equal("UTC-ICRS-GEO", (string?)astro.Attribute("coord_system_id"));
        Assert.Equal("2024-09-22T00:03:00.000", (string?)astro.Element("Time")!.Element("TimeInstant")!.Element("ISOTime"));
        var position = astro.Element("Position2D")!;
        Assert.Equal("deg", (string?)position.Attribute("unit"));
        Assert.Equal(359.95, (double)position.Element("Value2")!.Element("C1")!);
        Assert.Equal(30.25, (double)position.Element("Value2")!.Element("C2")!);
        Assert.Equal(0.0021, (double)position.Element("Error2Radius")!);

        var parameters = root.Element("What")!.Descendants("Param").ToDictionary(p => (string)p.Attribute("name")!, p => p);
        Assert.Equal("0.4", (string?)parameters["peak_flux"].Attribute("value"));
        Assert.Equal("Jy", (string?)parameters["peak_flux"].Attribute("unit"));
        Assert.Equal("0.015", (string?)parameters["peak_flux_err"].Attribute("value"));
        Assert.Equal("85.2", (string?)parameters["eta_int"].Attribute("value"));
        Assert.Equal("1.1", (string?)parameters["v_int"].Attribute("value"));
        Assert.Equal("150000000", (string?)parameters["band_frequency"].Attribute("value"));
        Assert.Equal("flare", (string?)parameters["class"].Attribute("value"));
        Assert.Equal("0.93", (string?)parameters["class_score"].Attribute("value"));
        Assert.Equal("12", (string?)parameters["f_datapoints"].Attribute("value"));
        Assert.Equal("12", (string?)root.Element("What")!.Element("Group")!.Elements("Param").Single(p => (string?)p.Attribute("name") == "points")!.Attribute("value"));

        var why = root.Element("Why")!;
        Assert.Equal(0.93, (double)why.Attribute("importance")!);
        Assert.Equal("flare", (string?)why.Element("Inference")!.Element("Name"));
        Assert.Equal("process.variation.burst;em.radio", (string?)why.Element("Inference")!.Element("Concept"));
    }
}
