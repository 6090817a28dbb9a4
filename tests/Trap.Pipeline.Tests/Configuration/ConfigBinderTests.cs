using Trap.Configuration;

namespace Trap.Pipeline.Tests.Configuration;

public class ConfigBinderTests
{
    public enum Mode { Batch, Stream }

    public sealed record SampleSection
    {
        public double DetectionThreshold { get; init; } = 8;
        public int BackSizeX { get; init; } = 50;
        public bool ForceBeam { get; init; } = true;
        public string Description { get; init; } = "TRAP dataset";
        public Mode Mode { get; init; } = Mode.Batch;
        public double[] Levels { get; init; } = Array.Empty<double>();
    }

    private static SampleSection Bind(params string[] lines)
    {
        var doc = IniDocument.Parse("job.cfg", new[] { "[sample]" }.Concat(lines));
        return ConfigBinder.Bind(new SampleSection(), "job.cfg", "sample", doc.Entries);
    }

    [Fact]
    public void KeysAreSnakeCaseOfProperties()
    {
        Assert.Equal("detection_threshold", ConfigNames.ToKey("DetectionThreshold"));
        Assert.Equal("back_size_x", ConfigNames.ToKey("BackSizeX"));
        Assert.Equal("extraction_radius_pix", ConfigNames.ToKey("ExtractionRadiusPix"));
        Assert.Equal("rms_qc", ConfigNames.ToKey("RmsQc"));
    }

    [Fact]
    public void GivenKeysOverrideDefaultsAndOthersStay()
    {
        var bound = Bind("detection_threshold = 5.5  ; lower than TraP", "mode = stream", "levels = 1, 2.5");
        Assert.Equal(5.5, bound.DetectionThreshold);
        Assert.Equal(Mode.Stream, bound.Mode);
        Assert.Equal(new[] { 1.0, 2.5 }, bound.Levels);
        Assert.Equal(50, bound.BackSizeX);
        Assert.True(bound.ForceBeam);
    }

    [Fact]
    public void QuotedStringsKeepHashesAndLoseQuotes()
    {
        Assert.Equal("run #3", Bind("description = 'run #3'").Description);
    }

    [Fact]
    public void UnknownKeyNamesFileLineAndKnownKeys()
    {
        var error = Assert.Throws<JobConfigException>(() => Bind("", "detecton_threshold = 5"));
        Assert.Equal(3, error.Line);
        Assert.Contains("job.cfg:3", error.Message);
        Assert.Contains("detecton_threshold", error.Message);
        Assert.Contains("detection_threshold", error.Message);
    }

    [Theory]
    [InlineData("back_size_x = 50.5", "an integer")]
    [InlineData("detection_threshold = eight", "a number")]
    [InlineData("force_beam = maybe", "true or false")]
    [InlineData("mode = live", "one of batch, stream")]
    public void IllTypedValuesAreErrors(string line, string expected)
    {
        var error = Assert.Throws<JobConfigException>(() => Bind(line));
        Assert.Contains(expected, error.Message);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void DuplicateKeysAndKeysOutsideSectionsAreErrors()
    {
        Assert.Throws<JobConfigException>(() => Bind("back_size_x = 1", "back_size_x = 2"));
        Assert.Throws<JobConfigException>(() => IniDocument.Parse("job.cfg", new[] { "margin = 3" }));
        Assert.Throws<JobConfigException>(() => IniDocument.Parse("job.cfg", new[] { "[broken" }));
    }
}
