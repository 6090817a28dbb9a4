using Trap.Simulation;
using Trap.Simulation.Output;

namespace Trap.Bench;

/// <summary>Generated surveys the engine benchmarks share, written once under state/bench/ and reused.</summary>
public static class BenchSurveys
{
    /// <summary>A job folder holding a survey of <paramref name="timesteps"/> × fields × bands images of size² pixels (no bad images).</summary>
    public static string Job(int fields, int bands, int timesteps, int size = 1024, int sourcesPerField = 100)
    {
        var folder = Path.GetFullPath(Path.Combine("state", "bench", $"jobs-{fields}x{bands}x{timesteps}-{size}-{sourcesPerField}"));
        if (!File.Exists(Path.Combine(folder, "survey.json")))
        {
            var spec = new SurveySpec
            {
                Seed = 2027, Pointings = fields, BandFrequenciesHz = SurveySpec.HbaBands(bands), Timesteps = timesteps, ImageSize = size,
                SourcesPerPointing = sourcesPerField, EdgeSourcesPerPointing = 4, BadImages = BadImageFractions.None,
            };
            Console.WriteLine($"generating {fields * bands * timesteps} images of {size}² into {folder} ...");
            SurveyWriter.Write(new Survey(spec), folder);
        }
        File.WriteAllText(Path.Combine(folder, "job.cfg"), "[job]\nimages = images/**/*.fits\noutput = output\n");
        // Each benchmark writes its own --output; an earlier run's is replaced (Trap's own folders only).
        return folder;
    }
}
