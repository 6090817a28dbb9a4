using Trap.Simulation.Output;

namespace Trap.Simulation.Tests;

/// <summary>A small survey with every kind of bad image, written once to a temporary folder for the writer tests.</summary>
public sealed class WrittenSurvey : IDisposable
{
    public static SurveySpec Spec { get; } = new() { Seed = 3, Pointings = 2, BandFrequenciesHz = SurveySpec.HbaBands(2), Timesteps = 5 };

    public WrittenSurvey()
    {
        Folder = Directory.CreateTempSubdirectory("trap-sim-test-").FullName;
        Survey = new Survey(Spec);
        Summary = SurveyWriter.Write(Survey, Folder, maxParallelism: 2);
    }

    public string Folder { get; }

    public Survey Survey { get; }

    public SurveyWriteSummary Summary { get; }

    public string PathOf(string relative) => Path.Combine(Folder, relative);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
