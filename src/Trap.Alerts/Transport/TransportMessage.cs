using System.Globalization;
using System.Text;
using System.Xml;

namespace Trap.Alerts;

/// <summary>
/// VOEvent Transport Protocol control messages (docs/science.md §11.2): a Transport element in namespace
/// http://www.telescope-networks.org/xml/Transport/v1.1 with role ack, nak, iamalive or authenticate,
/// children Origin, Response, TimeStamp and an optional Meta/Result text (unqualified, like VOEvent's).
/// </summary>
public sealed record TransportMessage(string Role, string Origin, string? Response, string? Result)
{
    public const string Namespace = "http://www.telescope-networks.org/xml/Transport/v1.1";

    /// <summary>Parses a received message; throws <see cref="FormatException"/> if it is not a Transport message.</summary>
    public static TransportMessage Parse(byte[] bytes)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        var document = new XmlDocument { XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            document.Load(reader);
        }
        catch (XmlException error)
        {
            throw new FormatException($"the broker's answer is not XML ({error.Message})", error);
        }
        var root = document.DocumentElement;
        if (root is null || root.LocalName != "Transport" || root.NamespaceURI != Namespace)
        {
            throw new FormatException($"the broker's answer is not a Transport message (root element {root?.Name ?? "none"})");
        }
        string? Child(string name) => root.SelectSingleNode(name)?.InnerText;
        return new TransportMessage(root.GetAttribute("role"), Child("Origin") ?? "", Child("Response"), root.SelectSingleNode("Meta/Result")?.InnerText);
    }

    /// <summary>The message as UTF-8 bytes (used by receivers: a broker's answer, or a test's).</summary>
    public byte[] ToBytes(DateTime timestampUtc)
    {
        var text = new StringBuilder();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = false }))
        {
            xml.WriteStartElement("trn", "Transport", Namespace);
            xml.WriteAttributeString("role", Role);
            xml.WriteAttributeString("version", "1.0");
            xml.WriteElementString("Origin", Origin);
            if (Response is not null) xml.WriteElementString("Response", Response);
            xml.WriteElementString("TimeStamp", timestampUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            if (Result is not null)
            {
                xml.WriteStartElement("Meta");
                xml.WriteElementString("Result", Result);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return new UTF8Encoding(false).GetBytes(text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"UTF-8\""));
    }
}
