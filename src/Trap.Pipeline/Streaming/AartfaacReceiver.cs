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

    public async Task RunAsync(CancellationToken cancellation)
    {
        Directory.CreateDirectory(_folder);
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(_host, _port, cancellation);
                _log($"feed {_host}:{_port}: connected");
                await using var stream = client.GetStream();
                while (await AartfaacFrame.ReadAsync(stream, cancellation) is { } frame) Write(frame);
                _log($"feed {_host}:{_port}: closed by the sender; reconnecting in {RetryInterval.TotalSeconds:0} s");
            }
            catch (Exception e) when (e is SocketException or IOException or InvalidDataException)
            {
                _log($"feed {_host}:{_port}: {e.Message}; reconnecting in {RetryInterval.TotalSeconds:0} s");
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await Task.Delay(RetryInterval, cancellation);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Write(AartfaacFrame frame)
    {
        var number = Interlocked.Increment(ref _received);
        var path = Path.Combine(_folder, $"{_host}_{_port}_{DateTime.UtcNow:yyyyMMddTHHmmssfff}_{number:D8}.fits");
        var partial = OutputFolders.PartialName(path);
        using (var file = File.Create(partial)) frame.WriteFits(file);
        File.Move(partial, path);
        ImageWritten?.Invoke(path);
    }
}
