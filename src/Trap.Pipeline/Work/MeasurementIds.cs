namespace Trap.Pipeline.Work;

/// <summary>
/// Measurement ids derived from the image id, so they are the same on every engine and every re-run:
/// blind extractions imageId·2^20 + index, forced fits imageId·2^20 + 2^19 + index.
/// </summary>
public static class MeasurementIds
{
    private const int Shift = 20;
    private const long ForcedOffset = 1L << 19;

    /// <summary>Most measurements of one kind one image can have (2^19 = 524,288).</summary>
    public const int PerImage = 1 << 19;

    public static long Blind(long imageId, int index) => (imageId << Shift) + Checked(imageId, index, "blind extractions");

    public static long Forced(long imageId, int index) => (imageId << Shift) + ForcedOffset + Checked(imageId, index, "forced fits");

    // Beyond the range, ids of two measurements would collide: fail loudly instead.
    private static int Checked(long imageId, int index, string what) =>
        index is >= 0 and < PerImage && imageId is >= 0 and < 1L << (62 - Shift)
            ? index
            : throw new InvalidOperationException($"image {imageId}: {what} number {index} is beyond the {PerImage:N0} per image that measurement ids can number");
}
