using System.Diagnostics;
using System.Text.Json;
using Trap.Formats.Fits;
using Trap.Simulation.Truth;

namespace Trap.Simulation.Output;

/// <summary>What <see cref="SurveyWriter.Write"/> produced.</summary>
public sealed record SurveyWriteSummary(
    string Folder,
    int Images,
    IReadOnlyDictionary<QualityKind, int> ImagesByQuality,
    int Sources,
    int SourceRows,
    int DetectableRows,
    long Bytes,
    TimeSpan Elapsed);

/// <summary>
/// Writes a survey to a folder: <c>images/pNN/pNN_tTTTT_bBB.fits</c> (one file per pointing, band and
/// timestep; names sort by pointing, time, band), <c>truth_images.parquet</c>,
/// <c>truth_sources.parquet</c> and <c>survey.json</c> (the spec). Images are rendered in parallel;
/// the bytes do not depend on the degree of parallelism.
/// </summary>
public static class SurveyWriter
{
    public const string SpecFile = "survey.json";

    public static SurveyWriteSummary Write(Survey survey, string folder, int maxParallelism = -1)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(folder);
        foreach (var pointing in survey.Pointings) Directory.CreateDirectory(Path.Combine(folder, "images", pointing.Name));

        var images = new ImageTruth[survey.Images.Count];
        var sources = new IReadOnlyList<SourceTruth>[survey.Images.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism };
        Parallel.For(0, survey.Images.Count, options, i =>
        {
            var image = survey.Render(i);
            var path = Path.Combine(folder, image.Plan.RelativePath);
            FitsWriter.Write(path, image.Header, image.Pixels, image.Axes);
            if (image.Plan.Quality == QualityKind.Truncated) Truncate(path, image.Width * image.Height);
            image.Truth.FileBytes = new FileInfo(path).Length;
            images[i] = image.Truth;
            sources[i] = image.Sources;
        });

        var sourceRows = sources.SelectMany(s => s).ToList();
        TruthFiles.WriteImages(Path.Combine(folder, TruthFiles.ImagesFile), images);
        TruthFiles.WriteSources(Path.Combine(folder, TruthFiles.SourcesFile), sourceRows);
        File.WriteAllText(Path.Combine(folder, SpecFile), JsonSerializer.Serialize(survey.Spec, new JsonSerializerOptions { WriteIndented = true }));

        var byQuality = images.GroupBy(t => t.QualityKind).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());
        var bytes = images.Sum(t => t.FileBytes) +
                    new[] { TruthFiles.ImagesFile, TruthFiles.SourcesFile, SpecFile }.Sum(f => new FileInfo(Path.Combine(folder, f)).Length);
        return new SurveyWriteSummary(Path.GetFullPath(folder), images.Length, byQuality, survey.Sources.Count, sourceRows.Count,
            sourceRows.Count(r => r.Detectable), bytes, clock.Elapsed);
    }

    /// <summary>
    /// Cuts a float32 FITS file half-way through its data (and off the 2880-byte block grid), as an
    /// interrupted copy would.
    /// </summary>
    private static void Truncate(string path, long pixelCount)
    {
        var dataBytes = pixelCount * sizeof(float);
        var paddedData = (dataBytes + 2879) / 2880 * 2880;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var headerBytes = stream.Length - paddedData;
        stream.SetLength(headerBytes + dataBytes / 2 + 1);
    }
}
