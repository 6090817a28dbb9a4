using Trap.Science.Association;

namespace Trap.Science.NewSources;

/// <summary>TraP's new-source test against the previous images that covered a position (docs/science.md §8.2).</summary>
public static class NewSourceCriteria
{
    /// <summary>Lowest flux the image could have detected: rms_min·(detection_thresh + margin).</summary>
    public static double LowLimit(ImageRecord image, double margin) => image.RmsMin * (image.DetectionThreshold + margin);

    /// <summary>Flux detectable even in the image's worst part: rms_max·(detection_thresh + margin).</summary>
    public static double HighLimit(ImageRecord image, double margin) => image.RmsMax * (image.DetectionThreshold + margin);

    /// <summary>
    /// True if <paramref name="a"/> is the better previous-limits image: smaller low limit, then
    /// smaller high limit, then (our tie-break for determinism) smaller image id.
    /// </summary>
    public static bool IsBetter(ImageRecord a, ImageRecord b, double margin)
    {
        var lowA = LowLimit(a, margin);
        var lowB = LowLimit(b, margin);
        if (lowA != lowB) return lowA < lowB;
        var highA = HighLimit(a, margin);
        var highB = HighLimit(b, margin);
        if (highA != highB) return highA < highB;
        return a.Id < b.Id;
    }

    /// <summary>
    /// The newsource row for a new catalogue source, or null: none when no earlier image covered the
    /// position (first look at that sky) or when the peak flux is not above the best image's low limit.
    /// </summary>
    public static NewSourceRecord? Classify(long runcatId, SourceMeasurement trigger, ImageRecord? bestPrevious, double margin)
    {
        if (bestPrevious is null) return null;
        var low = LowLimit(bestPrevious, margin);
        if (!(trigger.FPeak > low)) return null;
        var type = trigger.FPeak > HighLimit(bestPrevious, margin) ? 1 : 0;
        return new NewSourceRecord(runcatId, trigger.Id, bestPrevious.Id, type, trigger.FPeak, trigger.FInt, bestPrevious.RmsMin, bestPrevious.RmsMax);
    }
}
