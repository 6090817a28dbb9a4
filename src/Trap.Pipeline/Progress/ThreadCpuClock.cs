using System.Runtime.InteropServices;

namespace Trap.Pipeline.Progress;

/// <summary>
/// CPU time of the calling thread (Linux clock_gettime, CLOCK_THREAD_CPUTIME_ID). On a machine shared
/// with other work a thread's CPU time hardly moves with the load, where wall time doubles: phases
/// timed this way can be compared between runs.
/// </summary>
public static class ThreadCpuClock
{
    private const int ThreadCpuTimeId = 3;
    private const int ProcessCpuTimeId = 2;

    /// <summary>Whether the clock can be read here (Linux only).</summary>
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux();

    /// <summary>The thread's CPU time in milliseconds (only differences mean anything).</summary>
    public static double Milliseconds() => Read(ThreadCpuTimeId);

    /// <summary>The whole process's CPU time in milliseconds, all threads (CLOCK_PROCESS_CPUTIME_ID; only differences mean anything).</summary>
    public static double ProcessMilliseconds() => Read(ProcessCpuTimeId);

    private static double Read(int clock)
    {
        if (!IsAvailable || clock_gettime(clock, out var time) != 0)
        {
            throw new PlatformNotSupportedException("The thread CPU clock needs Linux (clock_gettime); run the phases without it.");
        }
        return time.Seconds * 1e3 + time.Nanoseconds / 1e6;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int clock_gettime(int clockId, out TimeSpec time);
}
