using Trap.Science.Association;

namespace Trap.Pipeline.Stages;

/// <summary>Reduce input: one image of a sky bucket with its blind extractions (empty when rejected).</summary>
public sealed record BlindImageWork(int Bucket, ImageRecord Image, IReadOnlyList<SourceMeasurement> Measurements);

/// <summary>Reduce input: one image of a sky bucket with the forced fits made at its requested positions.</summary>
public sealed record ForcedImageWork(int Bucket, ImageRecord Image, IReadOnlyList<SourceMeasurement> NullDetections,
    IReadOnlyList<SourceMeasurement> MonitorFits);

/// <summary>Orders a bucket's images as association requires: ascending frequency, then image id.</summary>
public sealed class ImageOrder<T> : IComparer<T>
{
    private readonly Func<T, ImageRecord> _image;

    public ImageOrder(Func<T, ImageRecord> image) => _image = image;

    public int Compare(T? a, T? b)
    {
        var (x, y) = (_image(a!), _image(b!));
        var byFrequency = x.FrequencyHz.CompareTo(y.FrequencyHz);
        return byFrequency != 0 ? byFrequency : x.Id.CompareTo(y.Id);
    }
}
