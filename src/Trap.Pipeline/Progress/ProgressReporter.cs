using System.Diagnostics;

namespace Trap.Pipeline.Progress;

/// <summary>
/// Reports a run's progress: on a terminal a single updating bar with images/s and ETA; otherwise
/// (logs, CI) a plain line at most every few seconds and at the end.
/// </summary>
public sealed class ProgressReporter : IProgress<int>
{
    private readonly TextWriter _out;
    private readonly bool _terminal;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _logInterval;
    private TimeSpan? _lastLine;
    private int _total;
    private StringWriter? _log;

    public ProgressReporter(TextWriter output, bool terminal, TimeSpan? logInterval = null)
    {
        _out = output;
        _terminal = terminal;
        _logInterval = logInterval ?? TimeSpan.FromSeconds(5);
    }

    /// <summary>A reporter for the console, a bar when stdout is a terminal.</summary>
    public static ProgressReporter ForConsole() => new(Console.Out, !Console.IsOutputRedirected);

    /// <summary>A reporter that says nothing (library use, tests).</summary>
    public static ProgressReporter Silent() => new(TextWriter.Null, false, TimeSpan.MaxValue);

    public void Message(string text)
    {
        if (_terminal) _out.Write("\r\u001b[K");
        _out.WriteLine(text);
        Log(text);
    }

    /// <summary>Starts keeping every message and progress line, time-stamped in UTC, for a run's log file (docs/outputs.md).</summary>
    public void StartLog()
    {
        lock (_clock) _log = new StringWriter();
    }

    /// <summary>The lines kept since <see cref="StartLog"/> (empty when none); stops keeping them.</summary>
    public string TakeLog()
    {
        lock (_clock)
        {
            var text = _log?.ToString() ?? "";
            _log = null;
            return text;
        }
    }

    private void Log(string line)
    {
        lock (_clock) _log?.WriteLine($"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {line}");
    }

    public void Start(int totalImages)
    {
        _total = totalImages;
        _clock.Restart();
    }

    /// <summary>Images through the extraction stage so far (thread-safe: engines report from their workers).</summary>
    public void Report(int imagesDone)
    {
        lock (_clock) Show(imagesDone);
    }

    private void Show(int imagesDone)
    {
        var elapsed = _clock.Elapsed;
        var rate = imagesDone / Math.Max(elapsed.TotalSeconds, 1e-9);
        var remaining = rate > 0 ? TimeSpan.FromSeconds((_total - imagesDone) / rate) : TimeSpan.Zero;
        var summary = $"{imagesDone}/{_total} images extracted, {rate:F1} images/s, ETA {remaining:hh\\:mm\\:ss}";
        if (imagesDone == _total) _log?.WriteLine($"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} progress: {summary}");
        if (_terminal)
        {
            const int width = 30;
            var filled = _total == 0 ? width : (int)(width * (double)imagesDone / _total);
            _out.Write($"\r\u001b[K[{new string('#', filled)}{new string('.', width - filled)}] {summary}");
            if (imagesDone == _total) _out.WriteLine();
        }
        else if (_lastLine is null || elapsed - _lastLine.Value >= _logInterval || imagesDone == _total)
        {
            _lastLine = elapsed;
            _out.WriteLine($"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ} progress: {summary}");
        }
    }
}
