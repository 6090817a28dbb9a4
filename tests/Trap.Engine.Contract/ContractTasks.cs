namespace Trap.Engine.Contract;

/// <summary>Map: squares its input.</summary>
public sealed class Square : IMapTask<int, long>
{
    public long Run(int input, JobContext context) => (long)input * input;
}

/// <summary>Map: squares its input slowly (a few milliseconds), so a job lasts long enough to kill a worker mid-way.</summary>
public sealed class SlowSquare : IMapTask<int, long>
{
    public long Run(int input, JobContext context)
    {
        Thread.Sleep(15);
        return (long)input * input;
    }
}

/// <summary>A flat record with the column kinds science rows use.</summary>
public sealed record Measurement(long Id, double Flux, double Error, DateTime TimeUtc, string Band, bool Flagged);

/// <summary>Map: a measurement per input, with NaN, infinities, extreme doubles and UTC times.</summary>
public sealed class Measure : IMapTask<int, Measurement>
{
    public static readonly double[] Specials = { double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, double.MaxValue, -0.0 };

    public Measurement Run(int input, JobContext context) => new(
        input,
        input % 7 == 0 ? Specials[input / 7 % Specials.Length] : Math.Sqrt(input) / 3.0,
        1.0 / (input + 3),
        new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(input * 12_345_678L),
        context.JobName + ":" + (input % 3),
        input % 2 == 0);
}

/// <summary>Map: fails on input 13, as a task with a bug would.</summary>
public sealed class FailsOnThirteen : IMapTask<int, int>
{
    public int Run(int input, JobContext context) =>
        input == 13 ? throw new InvalidOperationException("thirteen is not allowed") : input;
}

/// <summary>
/// Map: squares once the file named by the job context's <see cref="JobContext.ConfigSource"/> exists,
/// so a test can hold tasks in flight on workers in other processes (to kill one, or add one).
/// </summary>
public sealed class GateFileSquare : IMapTask<int, long>
{
    public long Run(int input, JobContext context)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!File.Exists(context.ConfigSource))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"gate file {context.ConfigSource} never appeared");
            }
            Thread.Sleep(10);
        }
        return (long)input * input;
    }
}
