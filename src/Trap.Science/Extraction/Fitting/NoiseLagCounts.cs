using System.Numerics;
using System.Runtime.Intrinsics;
using Trap.Formats.Buffers;
using Trap.Science.Extraction.Background;

namespace Trap.Science.Extraction.Fitting;

/// <summary>
/// One pass over the image for <see cref="NoiseCorrelation.Measure"/>: z = (pixel − background)/RMS
/// at sample pixels (every <c>step</c>-th pixel of every <c>step</c>-th row) and, for every lag of
/// the upper half-plane within <c>reach</c>, the sums and differences of the pairs (sample, sample +
/// lag), counted in <see cref="LowerSpreadHistogram"/> bins. Pixels that are masked, or within reach
/// (both axes) of a pixel above <see cref="NoiseCorrelation.SourceSigma"/>, take no part.
/// Rows stream through two rings of 2·reach + 1 rows (z values, and the loud pixels spread along their
/// row), so the pass reads each pixel, background and RMS once and allocates nothing image-sized; the
/// histograms come from <see cref="ExactLengthArrayPool{T}"/> (dispose to hand them back).
/// </summary>
internal sealed class NoiseLagCounts : IDisposable
{
    private int[]? _counts;

    private NoiseLagCounts(int reach, int[] counts, int[] pairs)
    {
        Reach = reach;
        _counts = counts;
        Pairs = pairs;
    }

    public int Reach { get; }

    /// <summary>Sample pixels counted (the z histogram's total).</summary>
    public int Samples { get; private set; }

    /// <summary>Pairs counted per lag, in <see cref="LagOffsets"/> order.</summary>
    public int[] Pairs { get; }

    private int[] Counts => _counts ?? throw new ObjectDisposedException(nameof(NoiseLagCounts));

    /// <summary>Histogram of the samples' z.</summary>
    public ReadOnlySpan<int> SampleValues => Counts.AsSpan(0, LowerSpreadHistogram.Bins);

    /// <summary>Histogram of z(sample) + z(sample + lag).</summary>
    public ReadOnlySpan<int> Sums(int lag) => Counts.AsSpan((1 + 2 * lag) * LowerSpreadHistogram.Bins, LowerSpreadHistogram.Bins);

    /// <summary>Histogram of z(sample) − z(sample + lag).</summary>
    public ReadOnlySpan<int> Differences(int lag) => Counts.AsSpan((2 + 2 * lag) * LowerSpreadHistogram.Bins, LowerSpreadHistogram.Bins);

    /// <summary>The lags (dx, dy) of the upper half-plane: dy = 0 with dx &gt; 0, then dy = 1 … reach with any dx.</summary>
    public static (int Dx, int Dy)[] LagOffsets(int reach)
    {
        var lags = new List<(int, int)>();
        for (var dy = 0; dy <= reach; dy++)
        {
            for (var dx = dy == 0 ? 1 : -reach; dx <= reach; dx++) lags.Add((dx, dy));
        }
        return lags.ToArray();
    }

    public static NoiseLagCounts Gather(ReadOnlySpan<float> pixels, BackgroundMaps maps, int reach, int step)
    {
        var lags = LagOffsets(reach);
        var counts = ExactLengthArrayPool<int>.Shared.RentCleared((1 + 2 * lags.Length) * LowerSpreadHistogram.Bins);
        var result = new NoiseLagCounts(reach, counts, new int[lags.Length]);
        new Pass(pixels, maps, reach, step, lags, result).Run();
        return result;
    }

    public void Dispose()
    {
        if (_counts is null) return;
        ExactLengthArrayPool<int>.Shared.Return(_counts);
        _counts = null;
    }

    /// <summary>The row-streaming pass (a ref struct: it holds the image's spans).</summary>
    private readonly ref struct Pass
    {
        private readonly ReadOnlySpan<float> _pixels;
        private readonly ReadOnlySpan<float> _background;
        private readonly ReadOnlySpan<float> _rms;
        private readonly int _width;
        private readonly int _height;
        private readonly int _reach;
        private readonly int _step;
        private readonly int _ringRows;
        private readonly int _words;
        private readonly (int Dx, int Dy)[] _lags;
        private readonly NoiseLagCounts _result;
        private readonly float[] _z;      // ring of z rows, NaN where a pixel takes no part
        private readonly ulong[] _loud;   // ring of rows of loud-pixel bits, each spread ±reach along its row
        private readonly int[] _sampleX;  // the current sample row's usable samples
        private readonly float[] _sampleZ;

        public Pass(ReadOnlySpan<float> pixels, BackgroundMaps maps, int reach, int step, (int, int)[] lags, NoiseLagCounts result)
        {
            _pixels = pixels;
            _background = maps.Background;
            _rms = maps.Rms;
            _width = maps.Width;
            _height = maps.Height;
            _reach = reach;
            _step = step;
            _lags = lags;
            _result = result;
            _ringRows = 2 * reach + 1;
            _words = (_width + 63) / 64;
            _z = new float[_ringRows * _width];
            _loud = new ulong[_ringRows * _words];
            _sampleX = new int[(_width + step - 1) / step];
            _sampleZ = new float[_sampleX.Length];
        }

        /// <summary>
        /// At row y: z of row y is made; row y − reach has every loud row that can reach it (y − 2·reach … y)
        /// and is cleared near them; sample row y − 2·reach has its partner rows (up to y − reach) final.
        /// </summary>
        public void Run()
        {
            for (var y = 0; y < _height + 2 * _reach; y++)
            {
                if (y < _height) LoadRow(y);
                else LoudRow(y).Clear();
                var near = y - _reach;
                if (near >= 0 && near < _height) ClearNearLoud(near);
                var sample = y - 2 * _reach;
                if (sample >= 0 && sample % _step == 0) CountSamples(sample);
            }
        }

        private Span<float> ZRow(int y) => _z.AsSpan(y % _ringRows * _width, _width);

        private Span<ulong> LoudRow(int y) => _loud.AsSpan(y % _ringRows * _words, _words);

        /// <summary>z of row y (NaN where masked: RMS +∞), and its loud pixels spread along the row.</summary>
        private void LoadRow(int y)
        {
            var z = ZRow(y);
            var loud = LoudRow(y);
            loud.Clear();
            var start = y * _width;
            var pixels = _pixels.Slice(start, _width);
            var background = _background.Slice(start, _width);
            var rms = _rms.Slice(start, _width);
            var x = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var limit = Vector256.Create((float)NoiseCorrelation.SourceSigma);
                var masked = Vector256.Create(float.PositiveInfinity);
                var nan = Vector256.Create(float.NaN);
                for (; x <= _width - Vector256<float>.Count; x += Vector256<float>.Count)
                {
                    var r = Vector256.Create(rms[x..]);
                    var value = (Vector256.Create(pixels[x..]) - Vector256.Create(background[x..])) / r;
                    Vector256.ConditionalSelect(Vector256.Equals(r, masked), nan, value).CopyTo(z[x..]);
                    var bits = Vector256.GreaterThan(value, limit).ExtractMostSignificantBits();
                    for (; bits != 0; bits &= bits - 1) SpreadAlongRow(loud, x + BitOperations.TrailingZeroCount(bits));
                }
            }
            for (; x < _width; x++)
            {
                var value = (pixels[x] - background[x]) / rms[x];
                z[x] = float.IsPositiveInfinity(rms[x]) ? float.NaN : value;
                if (value > NoiseCorrelation.SourceSigma) SpreadAlongRow(loud, x);
            }
        }

        private void SpreadAlongRow(Span<ulong> row, int x)
        {
            var last = Math.Min(_width - 1, x + _reach);
            for (var k = Math.Max(0, x - _reach); k <= last; k++) row[k >> 6] |= 1UL << k;
        }

        /// <summary>Sets z of row y to NaN within reach of a loud pixel: the OR of the ring's spread loud rows (y ± reach).</summary>
        private void ClearNearLoud(int y)
        {
            var z = ZRow(y);
            for (var w = 0; w < _words; w++)
            {
                var bits = 0UL;
                for (var r = 0; r < _ringRows; r++) bits |= _loud[r * _words + w];
                for (; bits != 0; bits &= bits - 1) z[w * 64 + BitOperations.TrailingZeroCount(bits)] = float.NaN;
            }
        }

        /// <summary>
        /// Counts the samples of row y, then lag by lag their pairs (so one lag's two histograms stay in
        /// cache over the row). Lags run by dy: those whose partner row lies inside the image are a prefix.
        /// </summary>
        private void CountSamples(int y)
        {
            var counts = _result.Counts.AsSpan();
            var z = ZRow(y);
            var samples = 0;
            for (var x = 0; x < _width; x += _step)
            {
                if (float.IsNaN(z[x])) continue;
                _sampleX[samples] = x;
                _sampleZ[samples++] = z[x];
                counts[LowerSpreadHistogram.Bin(z[x])]++;
            }
            _result.Samples += samples;
            for (var lag = 0; lag < _lags.Length && y + _lags[lag].Dy < _height; lag++)
            {
                var (dx, dy) = _lags[lag];
                var partners = _z.AsSpan((y + dy) % _ringRows * _width, _width);
                var sums = counts.Slice((1 + 2 * lag) * LowerSpreadHistogram.Bins, LowerSpreadHistogram.Bins);
                var differences = counts.Slice((2 + 2 * lag) * LowerSpreadHistogram.Bins, LowerSpreadHistogram.Bins);
                var pairs = 0;
                for (var k = 0; k < samples; k++)
                {
                    var px = _sampleX[k] + dx;
                    if ((uint)px >= (uint)_width) continue;
                    var b = partners[px];
                    if (float.IsNaN(b)) continue;
                    pairs++;
                    var a = _sampleZ[k];
                    sums[LowerSpreadHistogram.Bin(a + b)]++;
                    differences[LowerSpreadHistogram.Bin(a - b)]++;
                }
                _result.Pairs[lag] += pairs;
            }
        }
    }
}
