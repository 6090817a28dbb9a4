using System.Net;
using System.Net.Sockets;

namespace Trap.TestSupport;

/// <summary>Ports on the loopback interface for tests of network failures.</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on (just released by a listener), so connecting to it is refused: an unreachable broker.</summary>
    public static int Unused()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
