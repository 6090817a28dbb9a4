using DuckDB.NET.Data;
using Trap.Formats.Fits;
using Trap.Images;
using Trap.Images.Accessors;
using Trap.Simulation.Output;
using Trap.Simulation.Truth;

namespace Trap.Simulation.Tests;

public class SurveyWriterTests(WrittenSurvey written) : IClassFixture<WrittenSurvey>
{
    [Fact]
    public void SameSeedGivesTheSameBytesAtAnyParallelismAndAnotherSeedDoesNot()
    {
        var again = Directory.CreateTempSubdirectory("trap-sim-again-").FullName;
        var other = Directory.CreateTempSubdirectory("trap-sim-other-").FullName;
        try
        {
            SurveyWriter.Write(new Survey(WrittenSurvey.Spec), again, maxParallelism: 1);
            var files = Files(written.Folder);
            Assert.Equal(files, Files(again));
            Assert.Equal(written.Survey.Images.Count + 3, files.Count);
            foreach (var file in files) Assert.True(Same(written.PathOf(file), Path.Combine(again, file)), $"{file} differs");

            SurveyWriter.Write(new Survey(WrittenSurvey.Spec with { Seed = 4 }), other, maxParallelism: 2);
            Assert.False(Same(written.PathOf(TruthFiles.SourcesFile), Path.Combine(other, TruthFiles.SourcesFile)));
            var good = written.Survey.Images.First(i => i.Quality == QualityKind.Good).RelativePath;
            Assert.False(Same(written.PathOf(good), Path.Combine(other, good)));
        }
        finally
        {
            Directory.Delete(again, recursive: true);
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void TruthReadsBackAsRendered()
    {
        var images = TruthFiles.ReadImages(written.PathOf(TruthFiles.ImagesFile));
        var sources = TruthFiles.ReadSources(written.PathOf(TruthFiles.SourcesFile));
        Assert.Equal(written.Survey.Images.Count, images.Count);
        var perPointing = written.Survey.Sources.Count / written.Survey.Pointings.Count;
        Assert.Equal(images.Count * perPointing, sources.Count);
        foreach (var index in new[] { 0, 7, images.Count - 1 })
        {
            var rendered = written.Survey.Render(index);
            var row = images[index];
            Assert.Equal(rendered.Truth.File, row.File);
            Assert.Equal(rendered.Truth.StartUtc, row.StartUtc);
            Assert.Equal(rendered.Truth.NoiseRmsJy, row.NoiseRmsJy);
            Assert.Equal(rendered.Truth.Quality, row.Quality);
            Assert.Equal(new FileInfo(written.PathOf(row.File)).Length, row.FileBytes);
            var rows = sources.Where(s => s.ImageIndex == index).ToList();
            Assert.Equal(rendered.Sources.Select(s => (s.SourceId, s.Kind, s.X, s.Y, s.FluxJy, s.PeakJyPerBeam, s.Detectable)),
                rows.Select(s => (s.SourceId, s.Kind, s.X, s.Y, s.FluxJy, s.PeakJyPerBeam, s.Detectable)));
        }
        Assert.Equal(written.Summary.ImagesByQuality.Sum(q => q.Value), images.Count);
        Assert.Equal(written.Summary.DetectableRows, sources.Count(s => s.Detectable));
    }

    [Fact]
    public void DuckDbReadsTheTruthFiles()
    {
        // DuckDB has its own Parquet reader: the files are standard Parquet, columns named as documented.
        var sources = TruthFiles.ReadSources(written.PathOf(TruthFiles.SourcesFile));
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT count(*), sum(flux_jy), count(*) FILTER (WHERE detectable), max(source_id), count(DISTINCT kind) " +
            $"FROM read_parquet('{written.PathOf(TruthFiles.SourcesFile)}')";
        using (var reader = command.ExecuteReader())
        {
            Assert.True(reader.Read());
            Assert.Equal(sources.Count, reader.GetInt64(0));
            Assert.Equal(sources.Sum(s => s.FluxJy), reader.GetDouble(1), 6);
            Assert.Equal(sources.Count(s => s.Detectable), reader.GetInt64(2));
            Assert.Equal(written.Survey.Sources.Max(s => s.Id), reader.GetInt32(3));
            Assert.Equal(5, reader.GetInt64(4));
        }
        command.CommandText = $"SELECT max(start_utc), count(*) FILTER (WHERE quality <> 'Good') FROM read_parquet('{written.PathOf(TruthFiles.ImagesFile)}')";
        using (var reader = command.ExecuteReader())
        {
            Assert.True(reader.Read());
            Assert.Equal(written.Survey.Images.Max(i => i.StartUtc), reader.GetDateTime(0));
            Assert.Equal(written.Survey.Images.Count(i => i.Quality != QualityKind.Good), reader.GetInt64(1));
        }
    }

    [Fact]
    public void GoodImagesReadBackThroughTrapsLofarAccessorAsTheTruthSays()
    {
        var good = written.Survey.Images.Where(i => i.Quality == QualityKind.Good).ToList();
        Assert.True(good.Count >= 10);
        foreach (var plan in good)
        {
            var image = ImageReader.Read(written.PathOf(plan.RelativePath));
            var rendered = written.Survey.Render(plan);
            var m = image.Metadata;
            Assert.Equal("lofar", m.Accessor);
            Assert.Equal(plan.FrequencyHz, m.FrequencyHz);
            Assert.Equal(plan.BandwidthHz, m.BandwidthHz);
            Assert.Equal(plan.StartUtc, m.StartUtc);
            Assert.Equal(plan.IntegrationSeconds, m.IntegrationSeconds);
            Assert.Equal(plan.Beam, m.Beam);
            Assert.Equal(written.Survey.Spec.Lofar, m.Lofar! with { Channels = null });
            Assert.Equal(rendered.Metadata.CentreRaDeg, m.CentreRaDeg, 9);
            Assert.Equal(rendered.Metadata.CentreDecDeg, m.CentreDecDeg, 9);
            Assert.Equal(rendered.Pixels, image.Pixels);
            foreach (var s in rendered.Sources)
            {
                // The WCS read from the file puts every truth position on the truth pixel.
                Assert.True(m.Wcs.TrySkyToPixel(s.RaDeg, s.DecDeg, out var x, out var y));
                Assert.Equal(s.X, x, 1e-9);
                Assert.Equal(s.Y, y, 1e-9);
            }
            Assert.True(PassesTrapBeamChecks(m.BeamPixels));
        }
    }

    [Fact]
    public void BadImagesAreWhatTheyClaim()
    {
        var spec = written.Survey.Spec;
        var seen = new HashSet<QualityKind>();
        foreach (var plan in written.Survey.Images.Where(i => i.Quality != QualityKind.Good))
        {
            var path = written.PathOf(plan.RelativePath);
            seen.Add(plan.Quality);
            switch (plan.Quality)
            {
                case QualityKind.Truncated:
                    var full = 2880L * 2 + (spec.ImageSize * spec.ImageSize * 4L + 2879) / 2880 * 2880;
                    var length = new FileInfo(path).Length;
                    Assert.True(length < full - spec.ImageSize * spec.ImageSize, $"{length} bytes");
                    Assert.NotEqual(0, length % 2880);
                    Assert.Throws<ImageFormatException>(() => ImageReader.Read(path));
                    break;
                case QualityKind.MissingBeam:
                    Assert.False(FitsFile.ReadImageHeader(path).Header.Contains("BMAJ"));
                    Assert.Contains("beam", Assert.Throws<ImageFormatException>(() => ImageReader.Read(path)).Message);
                    break;
                case QualityKind.MissingDate:
                    Assert.False(FitsFile.ReadImageHeader(path).Header.Contains("DATE-OBS"));
                    Assert.Contains("start time", Assert.Throws<ImageFormatException>(() => ImageReader.Read(path)).Message);
                    break;
                case QualityKind.HighNoise:
                    var noisy = ImageReader.Read(path).Pixels;
                    Assert.InRange(RobustRms(noisy) / spec.NoiseRmsJy, 0.9 * spec.HighNoiseFactor, 1.1 * spec.HighNoiseFactor);
                    break;
                case QualityKind.NanBlock:
                    var pixels = ImageReader.Read(path).Pixels;
                    var nan = Enumerable.Range(0, pixels.Length).Where(i => float.IsNaN(pixels[i])).ToList();
                    var fraction = (double)nan.Count / pixels.Length;
                    Assert.InRange(fraction, 0.25 * 0.98, 0.5 * 1.02);
                    var size = spec.ImageSize;
                    var boxWidth = nan.Max(i => i % size) - nan.Min(i => i % size) + 1;
                    var boxHeight = nan.Max(i => i / size) - nan.Min(i => i / size) + 1;
                    Assert.Equal(boxWidth * boxHeight, nan.Count);
                    break;
                default:
                    var beam = ImageReader.Read(path).Metadata.BeamPixels;
                    Assert.False(PassesTrapBeamChecks(beam));
                    var expectedFailure = plan.Quality switch
                    {
                        QualityKind.BeamUndersampled => 2 * beam.SemiMajorPx <= 1 || 2 * beam.SemiMinorPx <= 1,
                        QualityKind.BeamOversampled => beam.SemiMajorPx > 30 || beam.SemiMinorPx > 30,
                        QualityKind.BeamElliptical => beam.SemiMajorPx / beam.SemiMinorPx > 2.0,
                        _ => throw new InvalidOperationException($"unexpected quality {plan.Quality}"),
                    };
                    Assert.True(expectedFailure, $"{plan.Quality}: {beam}");
                    break;
            }
        }
        Assert.Equal(Enum.GetValues<QualityKind>().Length - 1, seen.Count);
    }

    /// <summary>TraP's beam checks (docs/science.md §3.5) with its defaults: undersampled, oversampled (30), elliptical (2).</summary>
    private static bool PassesTrapBeamChecks(BeamInPixels beam) =>
        2 * beam.SemiMajorPx > 1 && 2 * beam.SemiMinorPx > 1 && beam.SemiMajorPx <= 30 && beam.SemiMinorPx <= 30 &&
        beam.SemiMajorPx / beam.SemiMinorPx <= 2.0;

    /// <summary>1.4826 × median absolute deviation: the noise RMS, insensitive to the sources.</summary>
    private static double RobustRms(float[] pixels)
    {
        var sorted = pixels.Select(p => (double)p).Order().ToArray();
        var median = sorted[sorted.Length / 2];
        var deviations = sorted.Select(p => Math.Abs(p - median)).Order().ToArray();
        return 1.4826 * deviations[deviations.Length / 2];
    }

    private static List<string> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();

    private static bool Same(string a, string b) => File.ReadAllBytes(a).AsSpan().SequenceEqual(File.ReadAllBytes(b));
}
