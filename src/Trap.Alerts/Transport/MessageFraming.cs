using System.Buffers.Binary;

namespace Trap.Alerts;

/// <summary>
/// VOEvent Transport Protocol framing: every message is preceded by its length as a 4-byte big-endian
/// (network order) integer. Comet (Twisted) refuses messages of 100,000 bytes or more.
/// </summary>
public static class MessageFraming
{
    public const int MaxMessageBytes = 99_999;

    public static async Task WriteAsync(Stream stream, byte[] message, CancellationToken cancellation)
    {
        if (message.Length > MaxMessageBytes)
        {
            throw new ArgumentException($"message of {message.Length} bytes exceeds the {MaxMessageBytes}-byte limit of VOEvent brokers (Comet); shorten the packet.");
        }
        var prefix = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(prefix, message.Length);
        await stream.WriteAsync(prefix, cancellation);
        await stream.WriteAsync(message, cancellation);
        await stream.FlushAsync(cancellation);
    }

    /// <summary>Reads one message; null when the peer closed the connection before sending one.</summary>
    public static async Task<byte[]?> ReadAsync(Stream stream, CancellationToken cancellation)
    {
        var prefix = new byte[4];
        if (!await ReadExactlyOrEndAsync(stream, prefix, cancellation)) return null;
        var length = BinaryPrimitives.ReadInt32BigEndian(prefix);
        if (length is < 0 or > MaxMessageBytes)
        {
            throw new InvalidDataException($"message length prefix {length} is outside 0-{MaxMessageBytes} bytes (is the peer speaking the VOEvent Transport Protocol, big-endian?)");
        }
        var body = new byte[length];
        if (!await ReadExactlyOrEndAsync(stream, body, cancellation))
        {
            throw new EndOfStreamException($"connection closed after {length}-byte message length, before the message");
        }
        return body;
    }

    private static async Task<bool> ReadExactlyOrEndAsync(Stream stream, byte[] buffer, CancellationToken cancellation)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), cancellation);
            if (n == 0)
            {
                if (read == 0) return false;
                throw new EndOfStreamException($"connection closed after {read} of {buffer.Length} bytes");
            }
            read += n;
        }
        return true;
    }
}
