using System.Net.Sockets;

namespace Trap.Alerts;

/// <summary>
/// Sends VOEvent packets to a broker as an author (VOEvent Transport Protocol over TCP, as Comet's
/// comet-sendvo): one connection per packet, the length-prefixed packet, then the broker's Transport
/// ack or nak. Connection failures, timeouts and connections closed without an answer are retried;
/// a nak is the broker's verdict and is returned, not retried.
/// </summary>
public sealed class VoEventSender
{
    private readonly TimeSpan _timeout;
    private readonly int _retries;
    private readonly TimeSpan _retryDelay;

    public VoEventSender(BrokerAddress broker, TimeSpan timeout, int retries, TimeSpan? retryDelay = null)
    {
        Broker = broker;
        _timeout = timeout;
        _retries = retries;
        _retryDelay = retryDelay ?? TimeSpan.FromSeconds(1);
    }

    public BrokerAddress Broker { get; }

    public static VoEventSender From(AlertConfig config) =>
        new(BrokerAddress.Parse(config.Broker), TimeSpan.FromSeconds(config.BrokerTimeoutS), config.BrokerRetries);

    /// <summary>Sends one packet; throws <see cref="BrokerException"/> when every attempt failed without an answer.</summary>
    public async Task<SendResult> SendAsync(string ivorn, byte[] packet, CancellationToken cancellation = default)
    {
        Exception? last = null;
        for (var attempt = 1; attempt <= _retries + 1; attempt++)
        {
            if (attempt > 1) await Task.Delay(_retryDelay * (attempt - 1), cancellation);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            deadline.CancelAfter(_timeout);
            try
            {
                var answer = await ExchangeAsync(packet, deadline.Token);
                return answer.Role switch
                {
                    "ack" => new SendResult(ivorn, true, null, attempt),
                    "nak" => new SendResult(ivorn, false, answer.Result ?? "no reason given", attempt),
                    _ => throw new FormatException($"the broker answered with role '{answer.Role}', expected ack or nak"),
                };
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                last = new TimeoutException($"no answer within {_timeout.TotalSeconds:F1} s");
            }
            catch (Exception error) when (error is SocketException or IOException or FormatException or InvalidDataException)
            {
                last = error;
            }
        }
        throw new BrokerException(
            $"VOEvent {ivorn} was not delivered to broker {Broker} after {_retries + 1} attempt(s): {last?.Message}. " +
            "Check that the broker runs and accepts submissions from this host ([alerts] broker, broker_timeout_s, broker_retries), " +
            "then resend the dataset's voevents with `trap alerts send`.", last, IsUnreachable(last));
    }

    private static bool IsUnreachable(Exception? error) =>
        error is SocketException
        {
            SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable,
        };

    private async Task<TransportMessage> ExchangeAsync(byte[] packet, CancellationToken cancellation)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(Broker.Host, Broker.Port, cancellation);
        await using var stream = client.GetStream();
        await MessageFraming.WriteAsync(stream, packet, cancellation);
        var answer = await MessageFraming.ReadAsync(stream, cancellation)
                     ?? throw new IOException("the broker closed the connection without an ack or nak");
        return TransportMessage.Parse(answer);
    }
}
