using System.Net;
using Trap.Formats.Fits;
using Trap.Pipeline.Streaming;

namespace Trap.Pipeline.Tests.Incremental;

/// <summary>
/// The AARTFAAC feed (docs/streaming.md): what the sender encodes once and writes with one socket write,
/// the receiver turns into the FITS file the imager's image was, byte for byte, in one reused buffer.
/// </summary>
public sealed class AartfaacFeedTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("trap-feed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A float32 FITS image whose pixels are every kind of float: NaN with a payload, ±0, ±∞, subnormals, and distinct values.</summary>
    private string Image(string name, int width, int height, string start = "2026-12-07T05:00:00.000")
    {
        var header = new FitsHeader();
        header.Add(FitsCard.OfString("DATE-OBS", start));
        var pixels = new float[width * height];
        float[] special = [BitConverter.Int32BitsToSingle(0x7FC0_1234), -0f, 0f, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, -1.5e-42f];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = i < special.Length ? special[i] : (i * 0.37f - 11) * (i % 3 == 0 ? -1 : 1);
        var path = Path.Combine(_folder, name);
        FitsWriter.Write(path, header, pixels, [width, height]);
        return path;
    }

    [Fact]
    public void AFrameReadsBackAsTheFileItWasEncodedFromByteForByte()
    {
        // The second image is larger, the third smaller again: the reused buffer's stale bytes must not show.
        var files = new[] { Image("a.fits", 37, 11), Image("b.fits", 64, 64), Image("c.fits", 5, 3) };
        using var wire = new MemoryStream(files.SelectMany(AartfaacFrame.Encode).ToArray());
        var reader = new AartfaacFitsReader();
        foreach (var file in files) Assert.Equal(File.ReadAllBytes(file), reader.Next(wire)!.Value.ToArray());
        Assert.Null(reader.Next(wire));
    }

    [Fact]
    public void AFrameCarriesLittleEndianPixelsAfterTheFitsHeader()
    {
        var file = Image("a.fits", 7, 5);
        var frame = AartfaacFrame.Encode(file);
        var hdu = FitsFile.ReadImageHeader(file);
        Assert.Equal(AartfaacFrame.Magic, BitConverter.ToUInt64(frame, 0));
        Assert.Equal((uint)hdu.DataOffset, BitConverter.ToUInt32(frame, 8));
        Assert.Equal(7u * 5 * 4, BitConverter.ToUInt32(frame, 12));
        Assert.All(frame.Skip(16).Take(AartfaacFrame.HeaderLength - 16), b => Assert.Equal(0, b));
        var sent = frame.AsSpan(AartfaacFrame.HeaderLength + (int)hdu.DataOffset);
        var pixels = FitsFile.ReadImage(file).Pixels;
        Assert.Equal(pixels.Length * 4, sent.Length);
        for (var i = 0; i < pixels.Length; i++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(pixels[i]), System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(sent[(i * 4)..]));
        }
    }

    [Fact]
    public void ABrokenOrCutFrameIsRefused()
    {
        var frame = AartfaacFrame.Encode(Image("a.fits", 8, 8));
        var reader = new AartfaacFitsReader();
        var wrongMagic = frame.ToArray();
        wrongMagic[0] ^= 1;
        Assert.Contains("not an AARTFAAC image stream", Assert.Throws<InvalidDataException>(() => reader.Next(new MemoryStream(wrongMagic))).Message);
        var oddData = frame.ToArray();
        oddData[12] = 3;
        Assert.Contains("not plausible", Assert.Throws<InvalidDataException>(() => reader.Next(new MemoryStream(oddData))).Message);
        Assert.Contains("inside a frame header", Assert.Throws<InvalidDataException>(() => reader.Next(new MemoryStream(frame[..100]))).Message);
        Assert.Throws<EndOfStreamException>(() => reader.Next(new MemoryStream(frame[..^1])));
    }

    [Fact]
    public async Task TheReceiverWritesWhatTheSenderPlaysAndEachCycleMovesTheStartTime()
    {
        var files = new[] { Image("a.fits", 40, 30), Image("b.fits", 64, 48, "2026-12-07T05:00:01.500") };
        using var cpu = new StreamCpuSteps();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var sender = new AartfaacSender(new IPEndPoint(IPAddress.Loopback, 0), files, imagesPerSecond: 200, cycles: 3, cycleShift: TimeSpan.FromSeconds(10));
        var listening = new TaskCompletionSource<int>();
        var sending = sender.RunAsync(port => listening.SetResult(port), cancellation: stop.Token);
        var incoming = Path.Combine(_folder, "incoming");
        var receiver = new AartfaacReceiver($"127.0.0.1:{await listening.Task}", incoming, _ => { });
        var written = new List<string>();
        receiver.ImageWritten += path =>
        {
            lock (written) written.Add(path);
        };
        var receiving = receiver.RunAsync(stop.Token);
        await sending;
        while (receiver.Received < 6) await Task.Delay(20, stop.Token);
        await stop.CancelAsync();
        await receiving;

        Assert.Equal(6, written.Count);
        for (var i = 0; i < written.Count; i++)
        {
            var (original, cycle) = (files[i % 2], i / 2);
            var start = DateTime.Parse(FitsFile.ReadPrimaryHeader(original).GetString("DATE-OBS")!, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal);
            Assert.Equal((start + TimeSpan.FromSeconds(10 * cycle)).ToString("yyyy-MM-ddTHH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture), FitsFile.ReadPrimaryHeader(written[i]).GetString("DATE-OBS"));
            var (sent, got) = (File.ReadAllBytes(original), File.ReadAllBytes(written[i]));
            var dataAt = (int)FitsFile.ReadImageHeader(original).DataOffset;
            Assert.Equal(sent.Length, got.Length);
            Assert.True(sent.AsSpan(dataAt).SequenceEqual(got.AsSpan(dataAt)), $"{written[i]}: the pixels differ from {original}'s");
        }
        // No partial file is left, and the receiving was counted for each image (on Linux, where the thread CPU clock is).
        Assert.Equal(written.Order(), Directory.GetFiles(incoming).Order());
        if (OperatingSystem.IsLinux()) Assert.True(cpu.Seen().Count(s => s == "receive") >= 6, string.Join(", ", cpu.Seen()));
    }
}
