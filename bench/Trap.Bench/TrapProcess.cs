using System.Diagnostics;
using System.Globalization;

namespace Trap.Bench;

/// <summary>What a timed `trap` process used: wall time, CPU time (user and system), and its peak resident memory.</summary>
public sealed record ProcessCost(double WallSeconds, double UserSeconds, double SystemSeconds, double MaxRssMb)
{
    public double CpuSeconds => UserSeconds + SystemSeconds;
}

/// <summary>
/// Runs the built `trap` command-line tool as a separate process under /usr/bin/time, so whole runs are
/// timed as a user runs them and peak memory is the process's own (not this benchmark's).
/// </summary>
public static class TrapProcess
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Trap.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Trap.sln not found above " + AppContext.BaseDirectory);
    }

    public static string TrapDll => Path.Combine(RepositoryRoot(), "src", "Trap.Cli", "bin", "Release", "net10.0", "trap.dll");

    /// <summary>Runs `trap ARGS` to the end; throws with its output when it fails.</summary>
    public static ProcessCost Run(params string[] args)
    {
        var timeFile = Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo("/usr/bin/time") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "-o", timeFile, "-f", "%e %U %S %M", "dotnet", TrapDll }.Concat(args)) start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"trap {string.Join(' ', args)} failed ({process.ExitCode}):\n{stdout}\n{stderr.Result}");
            }
            var f = File.ReadAllText(timeFile).Trim().Split('\n')[^1].Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            return new ProcessCost(f[0], f[1], f[2], f[3] / 1024.0);
        }
        finally
        {
            File.Delete(timeFile);
        }
    }

    /// <summary>Starts `trap ARGS` in the background (a worker), output discarded.</summary>
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { TrapDll }.Concat(args)) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static string Shell(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode})");
    }
}
