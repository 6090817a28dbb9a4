namespace Trap.Pipeline.Work;

/// <summary>
/// Measurement ids derived from the image id, so they are the same on every engine and every re-run:
/// blind extractions imageId·2^20 + index, forced fits imageId·2^20 + 2^19 + index.
/// </summary>
public static class MeasurementIds
{
    private const int Shift = 20;
    private const long ForcedOffset = 1L << 19;

    public static long Blind(long imageId, int index) => (imageId << Shift) + index;

    public static long Forced(long imageId, int index) => (imageId << Shift) + ForcedOffset + index;
}
