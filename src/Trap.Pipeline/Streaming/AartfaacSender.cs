using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Trap.Formats.Fits;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// Plays FITS images to AARTFAAC feed clients as the imager would (for tests and demos): listens on a
/// port and sends each file, in the given order, to every client connected, at most
/// <paramref name="imagesPerSecond"/> per second.
/// </summary>
public sealed class AartfaacSender(IPEndPoint endpoint, IReadOnlyList<string> files, double imagesPerSecond)
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
            for (var i = 0; i < files.Count; i++)
            {
                AartfaacFrame frame;
                try
                {
                    frame = Frame(files[i]);
                }
                catch (Exception e) when (e is FitsFormatException or InvalidDataException or IOException)
                {
                    skipped?.Invoke($"{files[i]}: {e.Message}");
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

    /// <summary>A float32 FITS image file as an AARTFAAC frame: its header blocks as they are, its pixels as little-endian float32.</summary>
    public static AartfaacFrame Frame(string fitsFile)
    {
        var (hdu, pixels) = FitsFile.ReadImage(fitsFile);
        if (hdu.Header.GetInt("BITPIX") != -32) throw new InvalidDataException($"{fitsFile}: the AARTFAAC feed carries float32 images (BITPIX = -32)");
        var header = new byte[hdu.DataOffset];
        using (var file = File.OpenRead(fitsFile)) file.ReadExactly(header);
        var data = new byte[pixels.Length * 4];
        for (var i = 0; i < pixels.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(4 * i), pixels[i]);
        return new AartfaacFrame(header, data);
    }
}
