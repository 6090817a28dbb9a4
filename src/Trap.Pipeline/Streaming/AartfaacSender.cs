using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Trap.Formats.Fits;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// Plays FITS images to AARTFAAC feed clients as the imager would (for tests and demos): listens on a
/// port and sends each file, in the given order, to every client connected, at most
/// <paramref name="imagesPerSecond"/> per second. With <paramref name="cycles"/> above 1 it plays the files
/// again and again, each cycle's DATE-OBS later by <paramref name="cycleShift"/>, so a few files make a
/// feed of any length (the stream bench's minutes of AARTFAAC rate, which would not fit on disk).
/// </summary>
public sealed class AartfaacSender(IPEndPoint endpoint, IReadOnlyList<string> files, double imagesPerSecond, int cycles = 1, TimeSpan cycleShift = default)
{
    /// <summary>The port actually listened on (when 0 was asked for).</summary>
    public int Port { get; private set; }

    /// <summary>Waits for a first client, sends every file to it (files that are not float32 FITS images are skipped and reported), then closes.</summary>
    public async Task RunAsync(Action<int>? listening = null, Action<string>? skipped = null, CancellationToken cancellation = default)
    {
        var listener = new TcpListener(endpoint);
        listener.Start();
        try
        {
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listening?.Invoke(Port);
            using var client = await listener.AcceptTcpClientAsync(cancellation);
            await using var stream = client.GetStream();
            var interval = TimeSpan.FromSeconds(1 / imagesPerSecond);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < files.Count * cycles; i++)
            {
                AartfaacFrame frame;
                var file = files[i % files.Count];
                try
                {
                    frame = Frame(file);
                    if (i >= files.Count) ShiftStart(frame.FitsHeader, cycleShift * (i / files.Count));
                }
                catch (Exception e) when (e is FitsFormatException or InvalidDataException or IOException or FormatException)
                {
                    skipped?.Invoke($"{file}: {e.Message}");
                    continue;
                }
                await stream.WriteAsync(frame.EncodeHeader(), cancellation);
                await stream.WriteAsync(frame.FitsHeader, cancellation);
                await stream.WriteAsync(frame.Pixels, cancellation);
                var due = interval * (i + 1) - clock.Elapsed;
                if (due > TimeSpan.Zero) await Task.Delay(due, cancellation);
            }
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>Moves the DATE-OBS card of a FITS header (in place, same width) by <paramref name="shift"/>.</summary>
    private static void ShiftStart(byte[] header, TimeSpan shift)
    {
        const int Card = 80;
        for (var at = 0; at + Card <= header.Length; at += Card)
        {
            var card = System.Text.Encoding.ASCII.GetString(header, at, Card);
            if (!card.StartsWith("DATE-OBS=", StringComparison.Ordinal)) continue;
            var (open, close) = (card.IndexOf('\'') + 1, card.IndexOf('\'', card.IndexOf('\'') + 1));
            var text = card[open..close].Trim();
            var start = DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
            var moved = (start + shift).ToString("yyyy-MM-ddTHH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture).PadRight(close - open);
            if (moved.Length > close - open) throw new FormatException($"DATE-OBS '{text}' has no room for milliseconds");
            System.Text.Encoding.ASCII.GetBytes(moved, 0, moved.Length, header, at + open);
            return;
        }
        throw new FormatException("the image has no DATE-OBS to move for a repeated cycle");
    }

    /// <summary>A float32 FITS image file as an AARTFAAC frame: its header blocks as they are, its pixels as little-endian float32.</summary>
    public static AartfaacFrame Frame(string fitsFile)
    {
        var hdu = FitsFile.ReadImageHeader(fitsFile);
        if (hdu.Header.GetInt("BITPIX") != -32) throw new InvalidDataException($"{fitsFile}: the AARTFAAC feed carries float32 images (BITPIX = -32)");
        var count = hdu.Axes.Aggregate(1L, (n, axis) => n * axis);
        var header = new byte[hdu.DataOffset];
        var data = new byte[checked((int)(count * 4))];
        using (var file = File.OpenRead(fitsFile))
        {
            file.ReadExactly(header);
            try
            {
                file.ReadExactly(data);
            }
            catch (EndOfStreamException)
            {
                throw new InvalidDataException($"{fitsFile}: the file ends before its {count} pixels");
            }
        }
        // FITS stores float32 big-endian, the feed little-endian: the bytes of each word swap, whatever the machine.
        var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(data.AsSpan());
        BinaryPrimitives.ReverseEndianness(words, words);
        return new AartfaacFrame(header, data);
    }
}
