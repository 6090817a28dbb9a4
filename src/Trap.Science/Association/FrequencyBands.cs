namespace Trap.Science.Association;

/// <summary>A frequency band of the job (TraP frequencyband): Hz.</summary>
public sealed record FrequencyBand(int Id, double CentralHz, double LowHz, double HighHz);

/// <summary>
/// Assigns images to frequency bands as TraP's get_band does (docs/science.md §6.3): an image spans
/// [ν − W/2, ν + W/2] with W its bandwidth (or bandwidth_max when that is non-zero); it joins the
/// first existing band it overlaps strictly (max(high) − min(low) &lt; width1 + width2), otherwise
/// it opens a new band centred on ν. Results depend on the order images are offered in: offer them
/// job-wide in processing order (time, then frequency) so every bucket sees the same ids.
/// </summary>
public sealed class FrequencyBands
{
    private readonly List<FrequencyBand> _bands = new();
    private readonly double _bandwidthMaxHz;

    public FrequencyBands(double bandwidthMaxHz = 0.0)
    {
        if (!(bandwidthMaxHz >= 0) || !double.IsFinite(bandwidthMaxHz))
            throw new ArgumentOutOfRangeException(nameof(bandwidthMaxHz), bandwidthMaxHz, "bandwidth_max must be 0 or a positive width in Hz");
        _bandwidthMaxHz = bandwidthMaxHz;
    }

    public IReadOnlyList<FrequencyBand> Bands => _bands;

    /// <summary>The band id (1, 2, ...) of an image with effective frequency and bandwidth in Hz.</summary>
    public int BandOf(double frequencyHz, double bandwidthHz)
    {
        var width = _bandwidthMaxHz != 0.0 ? _bandwidthMaxHz : bandwidthHz;
        if (!double.IsFinite(frequencyHz) || !(width >= 0) || !double.IsFinite(width))
            throw new ArgumentException($"cannot assign a frequency band to frequency {frequencyHz} Hz with bandwidth {width} Hz: both must be finite and the bandwidth non-negative.");
        var low = frequencyHz - width / 2.0;
        var high = frequencyHz + width / 2.0;
        foreach (var band in _bands)
        {
            var span = Math.Max(high, band.HighHz) - Math.Min(low, band.LowHz);
            if (span < width + (band.HighHz - band.LowHz)) return band.Id;
        }
        var created = new FrequencyBand(_bands.Count + 1, frequencyHz, low, high);
        _bands.Add(created);
        return created.Id;
    }
}
