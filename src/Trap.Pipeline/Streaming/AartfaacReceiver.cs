using System.Net.Sockets;
using Trap.Dataset;
using Trap.Pipeline.Output;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// Connects to one AARTFAAC image feed (host:port) and writes every image it receives as a FITS file
/// into a folder (whole files only: written under a temporary name, then renamed), where the stream's
/// folder watch picks it up. Reconnects every <see cref="RetryInterval"/> when the feed is down or
/// breaks; a broken frame is reported and the connection restarted, never written.
/// </summary>
public sealed class AartfaacReceiver
{
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    private readonly string _host;
    private readonly int _port;
    private readonly string _folder;
    private readonly Action<string> _log;
    private long _received;

    public AartfaacReceiver(string hostPort, string folder, Action<string> log)
    {
        var colon = hostPort.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(hostPort[(colon + 1)..], out var port) || port is < 1 or > 65535)
            throw new ArgumentException($"feed '{hostPort}' is not host:port");
        (_host, _port, _folder, _log) = (hostPort[..colon], port, folder, log);
    }

    public long Received => Interlocked.Read(ref _received);

    /// <summary>Raised with each image's path once its whole file is in place (for measuring arrival times).</summary>
    public event Action<string>? ImageWritten;

    /// <summary>
    /// Receives until cancelled, on a thread of its own with blocking reads (a wait costs no CPU, so the
    /// thread's CPU is the feed's cost to this process: <see cref="StreamCpu"/> step "receive").
    /// </summary>
    public Task RunAsync(CancellationToken cancellation) =>
        Task.Factory.StartNew(() => Run(cancellation), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken cancellation)
    {
        Directory.CreateDirectory(_folder);
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                using var client = new TcpClient();
                client.ConnectAsync(_host, _port, cancellation).AsTask().GetAwaiter().GetResult();
                // A blocking read ends when the socket is closed: that is how cancelling stops it.
                using var closing = cancellation.Register(client.Dispose);
                _log($"feed {_host}:{_port}: connected");
                using var stream = client.GetStream();
                var reader = new AartfaacFitsReader();
                // The event's handlers (a bench's bookkeeping) are not the feed's cost.
                while (StreamCpu.Beside("receive", () => ReceiveOne(stream, reader)) is { } path) ImageWritten?.Invoke(path);
                _log($"feed {_host}:{_port}: closed by the sender; reconnecting in {RetryInterval.TotalSeconds:0} s");
            }
            catch (Exception e) when (cancellation.IsCancellationRequested && e is SocketException or IOException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (e is SocketException or IOException or InvalidDataException)
            {
                _log($"feed {_host}:{_port}: {e.Message}; reconnecting in {RetryInterval.TotalSeconds:0} s");
            }
            if (cancellation.WaitHandle.WaitOne(RetryInterval)) return;
        }
    }

    /// <summary>Receives one image and writes it; its path, or null at a clean end of the feed.</summary>
    private string? ReceiveOne(Stream stream, AartfaacFitsReader reader) => reader.Next(stream) is { } fits ? Write(fits.Span) : null;

    /// <summary>Writes the file with one write under a temporary name, then renames it: the stream never sees part of it.</summary>
    private string Write(ReadOnlySpan<byte> fits)
    {
        var number = Interlocked.Increment(ref _received);
        var path = Path.Combine(_folder, $"{_host}_{_port}_{DateTime.UtcNow:yyyyMMddTHHmmssfff}_{number:D8}.fits");
        var partial = OutputFolders.PartialName(path);
        using (var file = File.OpenHandle(partial, FileMode.Create, FileAccess.Write)) RandomAccess.Write(file, fits, 0);
        File.Move(partial, path);
        return path;
    }
}
