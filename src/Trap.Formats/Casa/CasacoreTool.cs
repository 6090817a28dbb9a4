using System.Diagnostics;

namespace Trap.Formats.Casa;

/// <summary>
/// Runs a casacore-tools program (image2fits, taql) found on PATH and returns its standard output.
/// A missing program, a non-zero exit, an error on stderr (taql exits 0 after a failed query) or a run
/// longer than the time limit is a <see cref="CasaFormatException"/>.
/// </summary>
public static class CasacoreTool
{
    public const string InstallHint = "Install casacore-tools (Debian/Ubuntu: apt-get install -y casacore-tools) or convert the image to FITS yourself";

    /// <summary>Longest a single tool run may take; image2fits needs well under a second per image.</summary>
    public static TimeSpan TimeLimit { get; } = TimeSpan.FromMinutes(2);

    /// <summary>The full path of a program on PATH, or null.</summary>
    public static string? Find(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, program);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Runs <paramref name="program"/> with the arguments in <paramref name="workingDirectory"/>.</summary>
    public static string Run(string program, IEnumerable<string> arguments, string image, string? workingDirectory = null)
    {
        var executable = Find(program) ?? throw new CasaFormatException(image,
            $"reading a CASA image needs casacore's '{program}', which is not installed (not on PATH)", InstallHint + ".");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new CasaFormatException(image,
            $"'{program}' could not be started", InstallHint + ".");
        var stderrTask = process.StandardError.ReadToEndAsync();
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeLimit))
        {
            process.Kill(entireProcessTree: true);
            throw new CasaFormatException(image, $"'{program}' did not finish within {TimeLimit.TotalSeconds} s",
                "Check that the image is complete and readable, then try again.");
        }
        var stdout = stdoutTask.GetAwaiter().GetResult();
        var stderr = stderrTask.GetAwaiter().GetResult();
        var failedQuery = stderr.Contains("Error in", StringComparison.Ordinal) || stderr.Contains("Exception", StringComparison.Ordinal);
        if (process.ExitCode != 0 || failedQuery)
        {
            throw new CasaFormatException(image,
                $"'{program}' failed (exit code {process.ExitCode}): {FirstLines(stderr.Length > 0 ? stderr : stdout)}",
                "Check that the CASA image is complete (table.dat, table.f0, table.f0_TSM0 present) and readable by casacore.");
        }
        return stdout;
    }

    private static string FirstLines(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? "no message" : string.Join(" | ", lines.Take(3));
    }
}
