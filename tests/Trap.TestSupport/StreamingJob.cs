using Trap.Simulation;
using Trap.Simulation.Output;

namespace Trap.TestSupport;

/// <summary>
/// The set-up of the streaming tests: a generated survey of one pointing in two HBA bands without bad
/// images, and beside it a job whose images are the FITS files that land in its incoming folder.
/// </summary>
public sealed class StreamingJob
{
    private StreamingJob(string survey, string job, string incoming) => (Survey, Job, Incoming) = (survey, job, incoming);

    public string Survey { get; }

    /// <summary>The job folder (job.cfg: images = incoming/*.fits, output = output).</summary>
    public string Job { get; }

    public string Incoming { get; }

    public string Output => Path.Combine(Job, "output");

    public static async Task<StreamingJob> CreateAsync(string folder, int seed, int timesteps, int imageSize, int sources)
    {
        var survey = Path.Combine(folder, "survey");
        SurveyWriter.Write(new Survey(new SurveySpec
        {
            Seed = seed, Pointings = 1, BandFrequenciesHz = SurveySpec.HbaBands(2), Timesteps = timesteps, ImageSize = imageSize,
            SourcesPerPointing = sources, BadImages = BadImageFractions.None,
        }), survey);
        var job = Path.Combine(folder, "job");
        var incoming = Directory.CreateDirectory(Path.Combine(job, "incoming")).FullName;
        await File.WriteAllTextAsync(Path.Combine(job, "job.cfg"), "[job]\nimages = incoming/*.fits\noutput = output\n");
        return new StreamingJob(survey, job, incoming);
    }

    /// <summary>The survey's images in time order (the timestep in their names), by name within a timestep.</summary>
    public IReadOnlyList<string> ImagesInTimeOrder() =>
        Directory.GetFiles(Path.Combine(Survey, "images"), "*.fits", SearchOption.AllDirectories)
            .OrderBy(TimestepOf, StringComparer.Ordinal).ThenBy(f => f, StringComparer.Ordinal).ToList();

    /// <summary>The survey's images grouped by timestep, in time order.</summary>
    public IReadOnlyList<List<string>> Timesteps() =>
        ImagesInTimeOrder().GroupBy(TimestepOf).Select(g => g.ToList()).ToList();

    private static string TimestepOf(string file) => Path.GetFileName(file).Split('_')[1];
}
