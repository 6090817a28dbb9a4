using Trap.Science.NewSources;

namespace Trap.Science.Association;

/// <summary>A sky region as one catalogue knows it: its linked sources (assocskyrgn) and, per band,
/// the best earlier image for new-source detection.</summary>
internal sealed class RegionState
{
    private readonly Dictionary<int, PreviousImageTracker> _trackers = new();
    private readonly double _margin;

    public RegionState(SkyRegion region, double margin)
    {
        Region = region;
        _margin = margin;
    }

    public SkyRegion Region { get; }

    public HashSet<long> LinkedRuncats { get; } = new();

    public void AddGoodImage(ImageRecord image)
    {
        if (!_trackers.TryGetValue(image.BandId, out var tracker)) _trackers[image.BandId] = tracker = new PreviousImageTracker(_margin);
        tracker.Add(image);
    }

    public ImageRecord? BestBefore(int bandId, DateTime timeUtc) =>
        _trackers.TryGetValue(bandId, out var tracker) ? tracker.BestBefore(timeUtc) : null;
}
