using System.Diagnostics;
using Trap.Simulation;
using Trap.Simulation.Randomness;

namespace Trap.Bench;

/// <summary>
/// simulate: renders survey images in memory on one thread (noise with a correlated part, 100
/// sources, header and truth) at 1024² and 2048², against the baseline of drawing the same number
/// of white Gaussian deviates (the least any noise generator must do). Reports the median of N
/// images. Goal: a 1024² image with 100 sources well under 100 ms. Option: N (default 9).
/// </summary>
public static class SimulateBenchmark
{
    public static int Run(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 9;
        Console.WriteLine($"simulate: median of {runs} images, single thread, 100 sources per image, correlated noise fraction 0.5");
        Console.WriteLine($"{"image",-10} {"render ms",10} {"images/s/core",14} {"white ms",9} {"render/white",13}");
        var worst1024 = 0.0;
        foreach (var size in new[] { 1024, 2048 })
        {
            var spec = new SurveySpec
            {
                Pointings = 1, Timesteps = runs + 1, BandFrequenciesHz = [150e6], ImageSize = size,
                SourcesPerPointing = 90, EdgeSourcesPerPointing = 4, Transients = new(1, 1, 2, 2), BadImages = BadImageFractions.None,
            };
            var survey = new Survey(spec);
            survey.Render(0); // warm-up: JIT and the cached noise spectrum
            var render = BenchStatistics.Median(Enumerable.Range(1, runs).Select(i => Time(() => survey.Render(i).Pixels.Length)));
            var white = BenchStatistics.Median(Enumerable.Range(1, runs).Select(i => Time(() => WhiteNoise(size * size, i))));
            Console.WriteLine($"{size + "²",-10} {render,10:F1} {1000.0 / render,14:F1} {white,9:F1} {render / white,13:F2}");
            if (size == 1024) worst1024 = render;
        }
        Console.WriteLine(worst1024 < 100 ? $"OK: a 1024² image renders in {worst1024:F1} ms (goal: well under 100 ms)"
                                          : $"SLOW: a 1024² image takes {worst1024:F1} ms (goal: well under 100 ms)");
        return 0;
    }

    private static int WhiteNoise(int count, int seed)
    {
        var rng = RandomStreams.For(seed, StreamPurpose.ImageNoise);
        var pixels = new float[count];
        for (var i = 0; i < count; i++) pixels[i] = (float)rng.NextGaussian();
        return pixels.Length;
    }

    private static double Time(Func<int> work)
    {
        var clock = Stopwatch.StartNew();
        GC.KeepAlive(work());
        return clock.Elapsed.TotalMilliseconds;
    }
}
