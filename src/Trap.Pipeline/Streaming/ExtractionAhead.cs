using System.Threading.Channels;
using Trap.Pipeline.Configuration;
using Trap.Pipeline.Stages;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// `trap stream` extracts each image as soon as it arrives, on the stream's own cores, while the
/// previous batch associates and commits (docs/streaming.md, "Extraction ahead of the batch"). An
/// image's id is only known when its batch plans it, so the result is kept in memory, keyed by the
/// received file (path, length and write time), and the batch takes it instead of extracting again and
/// writes it under the id it gives. A file replaced since is extracted again by its batch; results of
/// images the batch does not extract (dropped, rejected by planning) are forgotten; a restart simply
/// extracts again. At most <see cref="Bound"/> images are held (queued, in work or ready): beyond it
/// an arrival is left to its batch, so memory stays bounded however far the stream falls behind.
/// </summary>
internal sealed class ExtractionAhead : IAsyncDisposable
{
    private readonly JobConfig _config;
    private readonly Dictionary<string, Ahead> _held = new(StringComparer.Ordinal);
    private readonly Channel<Ahead> _queue = Channel.CreateUnbounded<Ahead>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _workers;

    public ExtractionAhead(JobConfig config, int workers, int bound)
    {
        _config = config;
        Bound = bound;
        _workers = Enumerable.Range(0, workers)
            .Select(_ => Task.Factory.StartNew(WorkAsync, _stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap())
            .ToArray();
    }

    /// <summary>The most images held at once.</summary>
    public int Bound { get; }

    /// <summary>Images a batch took from here (their extraction was not made by the batch).</summary>
    public int Taken { get; private set; }

    /// <summary>Of <see cref="Taken"/>, those whose extraction was finished before their batch asked for it.</summary>
    public int ReadyBeforeBatch { get; private set; }

    /// <summary>Queues the arrived file <paramref name="url"/> for extraction; false when <see cref="Bound"/> images are held already.</summary>
    public bool Offer(string url)
    {
        lock (_held)
        {
            if (_held.Count >= Bound || _held.ContainsKey(url)) return false;
            var ahead = new Ahead(url, Stamp(url));
            _held[url] = ahead;
            _queue.Writer.TryWrite(ahead);
            return true;
        }
    }

    /// <summary>
    /// The extraction of <paramref name="url"/> made (or being made) here, which the caller now owns;
    /// null when there is none or the file changed since it arrived (the caller extracts it).
    /// </summary>
    public Task<ImageExtraction>? Take(string url)
    {
        lock (_held)
        {
            if (!_held.Remove(url, out var ahead)) return null;
            if (ahead.File != Stamp(url))
            {
                ahead.Forgotten = true;
                return null;
            }
            Taken++;
            if (ahead.Result.Task.IsCompletedSuccessfully) ReadyBeforeBatch++;
            return ahead.Result.Task;
        }
    }

    /// <summary>Forgets what is held for <paramref name="urls"/> (images a batch did not extract: dropped, rejected, or a full run's).</summary>
    public void Forget(IEnumerable<string> urls)
    {
        lock (_held)
        {
            foreach (var url in urls)
            {
                if (_held.Remove(url, out var ahead)) ahead.Forgotten = true;
            }
        }
    }

    private async Task WorkAsync()
    {
        await foreach (var ahead in _queue.Reader.ReadAllAsync(_stop.Token))
        {
            // Forgotten (or found changed by its batch) before a worker came to it: nobody waits for it.
            if (ahead.Forgotten) continue;
            try
            {
                ahead.Result.SetResult(StreamCpu.Beside("extraction ahead", () => ImageExtraction.Of(ahead.Url, _config)));
            }
            catch (Exception e)
            {
                ahead.Result.SetException(e); // a fault in Trap, not a bad file: the batch that takes it fails with it
            }
        }
    }

    private static (long Length, DateTime WrittenUtc) Stamp(string url)
    {
        var info = new FileInfo(url);
        return info.Exists ? (info.Length, info.LastWriteTimeUtc) : (-1, DateTime.MinValue);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_workers);
        }
        catch (OperationCanceledException)
        {
            // stopping: queued images are simply not extracted
        }
        _stop.Dispose();
    }

    private sealed class Ahead(string url, (long Length, DateTime WrittenUtc) file)
    {
        public string Url { get; } = url;

        public (long Length, DateTime WrittenUtc) File { get; } = file;

        public TaskCompletionSource<ImageExtraction> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public volatile bool Forgotten;
    }
}
