using System.Net;
using System.Net.Sockets;
using Trap.Alerts;

namespace Trap.TestSupport;

/// <summary>
/// A minimal VOEvent receiver on the loopback interface for the tests: for each connection it reads
/// one length-prefixed packet and lets the test decide the answer (a Transport message, or null to
/// close the connection without one, or a delay to provoke a timeout).
/// </summary>
public sealed class LoopbackBroker : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, byte[], Task<byte[]?>> _answer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackBroker(Func<int, byte[], Task<byte[]?>> answer)
    {
        _answer = answer;
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public BrokerAddress Address => new("127.0.0.1", ((IPEndPoint)_listener.LocalEndpoint).Port);

    /// <summary>The raw bytes of every packet received (length prefix included), in order.</summary>
    public List<byte[]> Received { get; } = new();

    public int Connections { get; private set; }

    /// <summary>A sender to this broker that retries after 10 ms, not the production second.</summary>
    public VoEventSender Sender(int retries = 2, double timeoutS = 5) =>
        new(Address, TimeSpan.FromSeconds(timeoutS), retries, TimeSpan.FromMilliseconds(10));

    public static byte[] Answer(string role, string? result = null) =>
        new TransportMessage(role, "ivo://trap.local/transients", "ivo://test.broker/comet", result).ToBytes(DateTime.UtcNow);

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            using (client)
            {
                var index = Connections++;
                var stream = client.GetStream();
                var prefix = new byte[4];
                await stream.ReadExactlyAsync(prefix, _stop.Token);
                var length = (prefix[0] << 24) | (prefix[1] << 16) | (prefix[2] << 8) | prefix[3];
                var body = new byte[length];
                await stream.ReadExactlyAsync(body, _stop.Token);
                lock (Received) Received.Add(prefix.Concat(body).ToArray());
                var answer = await _answer(index, body);
                if (answer is not null) await MessageFraming.WriteAsync(stream, answer, _stop.Token);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception error) when (error is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // Stopping while a connection is open ends the loop with one of these.
        }
    }
}
