using System.Globalization;

namespace Trap.Alerts;

/// <summary>A broker's host and TCP port, written host:port.</summary>
public sealed record BrokerAddress(string Host, int Port)
{
    public static BrokerAddress Parse(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"broker '{text}' is not host:port (e.g. localhost:8098, Comet's default port for authors).");
        }
        return new BrokerAddress(text[..colon].Trim('[', ']'), port);
    }

    public override string ToString() => $"{Host}:{Port}";
}
