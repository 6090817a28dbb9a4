using System.Net;
using System.Net.Sockets;
using Trap.Formats.Fits;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// Plays FITS images to AARTFAAC feed clients as the imager would (for tests and demos): listens on a
/// port and sends each file, in the given order, to every client connected, at most
/// <paramref name="imagesPerSecond"/> per second, each image with one socket write. With
/// <paramref name="cycles"/> above 1 it plays the files again and again, each cycle's DATE-OBS later by
/// <paramref name="cycleShift"/>, so a few files make a feed of any length (the stream bench's minutes of
/// AARTFAAC rate, which would not fit on disk); then each file is read and encoded once and its frame
/// kept in memory (4 MB per 1024² image), so the feed costs a real imager's socket writes and no more.
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
            var kept = new KeptFrame?[cycles > 1 ? files.Count : 0];
            for (var i = 0; i < files.Count * cycles; i++)
            {
                var (file, cycle) = (files[i % files.Count], i / files.Count);
                byte[] frame;
                try
                {
                    frame = cycles > 1 ? (kept[i % files.Count] ??= new KeptFrame(AartfaacFrame.Encode(file))).At(cycleShift * cycle) : AartfaacFrame.Encode(file);
                }
                catch (Exception e) when (e is FitsFormatException or InvalidDataException or IOException or FormatException)
                {
                    skipped?.Invoke($"{file}: {e.Message}");
                    continue;
                }
                await stream.WriteAsync(frame, cancellation);
                var due = interval * (i + 1) - clock.Elapsed;
                if (due > TimeSpan.Zero) await Task.Delay(due, cancellation);
            }
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>A frame played in every cycle, and where its DATE-OBS card's value is, to move it (in place, same width) for each cycle.</summary>
    private sealed class KeptFrame
    {
        private const int Card = 80;
        private readonly byte[] _frame;
        private readonly Lazy<(int At, int Width, DateTime Start)> _start;

        public KeptFrame(byte[] frame)
        {
            _frame = frame;
            _start = new Lazy<(int, int, DateTime)>(FindStart);
        }

        /// <summary>The frame with its DATE-OBS moved by <paramref name="shift"/> from the file's own.</summary>
        public byte[] At(TimeSpan shift)
        {
            if (shift == TimeSpan.Zero) return _frame;
            var (at, width, start) = _start.Value;
            var moved = (start + shift).ToString("yyyy-MM-ddTHH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture).PadRight(width);
            if (moved.Length > width) throw new FormatException($"DATE-OBS '{start:O}' has no room for milliseconds");
            System.Text.Encoding.ASCII.GetBytes(moved, _frame.AsSpan(at, width));
            return _frame;
        }

        private (int At, int Width, DateTime Start) FindStart()
        {
            var header = AartfaacFrame.FitsHeader(_frame);
            for (var at = 0; at + Card <= header.Length; at += Card)
            {
                var card = System.Text.Encoding.ASCII.GetString(header.Slice(at, Card));
                if (!card.StartsWith("DATE-OBS=", StringComparison.Ordinal)) continue;
                var (open, close) = (card.IndexOf('\'') + 1, card.IndexOf('\'', card.IndexOf('\'') + 1));
                var start = DateTime.Parse(card[open..close].Trim(), System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
                return (AartfaacFrame.HeaderLength + at + open, close - open, start);
            }
            throw new FormatException("the image has no DATE-OBS to move for a repeated cycle");
        }
    }
}
