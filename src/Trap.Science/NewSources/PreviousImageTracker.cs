using Trap.Science.Association;

namespace Trap.Science.NewSources;

/// <summary>
/// For one sky region and band: the best non-rejected image seen so far in the sense of
/// <see cref="NewSourceCriteria.IsBetter"/>, split into images of earlier timesteps and images
/// of the latest timestep, so "strictly earlier than time T" is answered in O(1).
/// Images must arrive in non-decreasing time order.
/// </summary>
public sealed class PreviousImageTracker
{
    private readonly double _margin;
    private ImageRecord? _bestEarlier;
    private ImageRecord? _bestLatest;

    public PreviousImageTracker(double margin) => _margin = margin;

    public void Add(ImageRecord image)
    {
        if (_bestLatest is not null && image.TimeUtc < _bestLatest.TimeUtc)
            throw new InvalidOperationException(
                $"image {image.Id} ({image.TimeUtc:O}) arrived after image {_bestLatest.Id} ({_bestLatest.TimeUtc:O}); process images in time order.");
        if (_bestLatest is not null && image.TimeUtc > _bestLatest.TimeUtc)
        {
            _bestEarlier = Better(_bestEarlier, _bestLatest);
            _bestLatest = null;
        }
        _bestLatest = Better(_bestLatest, image);
    }

    /// <summary>The best image with start time strictly before <paramref name="timeUtc"/>, or null.</summary>
    public ImageRecord? BestBefore(DateTime timeUtc)
    {
        var latest = _bestLatest is not null && _bestLatest.TimeUtc < timeUtc ? _bestLatest : null;
        return Better(_bestEarlier, latest);
    }

    private ImageRecord? Better(ImageRecord? a, ImageRecord? b)
    {
        if (a is null) return b;
        if (b is null) return a;
        return NewSourceCriteria.IsBetter(a, b, _margin) ? a : b;
    }
}
