using System.Buffers;
using System.Numerics;
using System.Runtime.Intrinsics;
using Trap.Formats.Buffers;
using Trap.Science.Extraction.Background;

namespace Trap.Science.Extraction.Fitting;

/// <summary>
/// One pass over the image for <see cref="NoiseCorrelation.Measure"/>: z = (pixel − background)/RMS
/// of every pixel that takes part (for the noise scale), at sample pixels (every <c>step</c>-th pixel of
/// every <c>step</c>-th row) and, for every lag of
/// the upper half-plane within <c>reach</c>, the sums and differences of the pairs (sample, sample +
/// lag), counted in <see cref="LowerSpreadHistogram"/> bins. Pixels that are masked, or within reach
/// (both axes) of a pixel above <see cref="NoiseCorrelation.SourceSigma"/>, take no part.
/// Rows stream through two rings of 2·reach + 1 rows (z values, and the loud pixels spread along their
/// row), so the pass reads each pixel, background and RMS once and allocates nothing image-sized: the
/// rings come from <see cref="ArrayPool{T}.Shared"/>, the histograms from
/// <see cref="ExactLengthArrayPool{T}"/> (dispose to hand them back).
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

    /// <summary>Sample pixels counted (those whose pairs are counted).</summary>
    public int Samples { get; private set; }

    /// <summary>Pixels counted in <see cref="PixelValues"/>: every one that takes part, not only the samples.</summary>
    public int PixelCount { get; private set; }

    /// <summary>Pairs counted per lag, in <see cref="LagOffsets"/> order.</summary>
    public int[] Pairs { get; }

    private int[] Counts => _counts ?? throw new ObjectDisposedException(nameof(NoiseLagCounts));

    /// <summary>Histogram of the z of every pixel that takes part (the noise scale's: its lower tail needs more values than the samples).</summary>
    public ReadOnlySpan<int> PixelValues => Counts.AsSpan(0, LowerSpreadHistogram.Bins);

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
        // The last count is the sink of pairs that take no part (see Pass.CountSamples).
        var counts = ExactLengthArrayPool<int>.Shared.RentCleared((1 + 2 * lags.Length) * LowerSpreadHistogram.Bins + 1);
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
        private readonly int _pad;        // NaN z values before and after each ring row: partners beyond the sides
        private readonly int _rowStride;
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
            _pad = reach;
            _rowStride = _pad + _width + _pad + Vector256<float>.Count; // a vector load from the last lag stays inside
            _z = ArrayPool<float>.Shared.Rent(_ringRows * _rowStride);
            _z.AsSpan().Fill(float.NaN);
            _loud = ArrayPool<ulong>.Shared.Rent(_ringRows * _words);
            _loud.AsSpan().Clear();
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
                if (near >= 0 && near < _height)
                {
                    ClearNearLoud(near);
                    CountPixels(near);
                }
                var sample = y - 2 * _reach;
                if (sample >= 0 && sample % _step == 0) CountSamples(sample);
            }
            ArrayPool<float>.Shared.Return(_z);
            ArrayPool<ulong>.Shared.Return(_loud);
        }

        private Span<float> ZRow(int y) => _z.AsSpan(y % _ringRows * _rowStride + _pad, _width);

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

        /// <summary>Counts the z of every pixel of row y that takes part (its loud neighbourhoods already cleared).</summary>
        private void CountPixels(int y)
        {
            var counts = _result.Counts.AsSpan(0, LowerSpreadHistogram.Bins);
            var counted = 0;
            foreach (var value in ZRow(y))
            {
                if (float.IsNaN(value)) continue;
                counts[LowerSpreadHistogram.Bin(value)]++;
                counted++;
            }
            _result.PixelCount += counted;
        }

        /// <summary>
        /// Counts the samples of row y, then their pairs, partner row by partner row (dy). For one sample
        /// the partners of Vector256&lt;float&gt;.Count consecutive lags (dx) are consecutive z values, so
        /// their sums, differences and bins are computed a vector at a time, and each lane's increment
        /// goes to a different lag's histogram (no increment waits for the one before). A partner that
        /// takes no part (NaN, including the rows' NaN padding beyond the image's sides) counts in the
        /// sink instead. Partner rows beyond the image's last row are not counted.
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
            }
            _result.Samples += samples;
            var lanes = Vector256<float>.Count;
            Span<int> at = stackalloc int[2 * lanes];
            for (var dy = 0; dy <= _reach && y + dy < _height; dy++)
            {
                var partners = _z.AsSpan((y + dy) % _ringRows * _rowStride, _rowStride);
                var firstDx = dy == 0 ? 1 : -_reach;
                var firstLag = LagIndex(firstDx, dy);
                for (var dx = firstDx; dx <= _reach; dx += lanes)
                {
                    var lag = firstLag + dx - firstDx;
                    var inChunk = Math.Min(lanes, _reach - dx + 1);
                    var lane = Vector256<int>.Indices;
                    var used = Vector256.LessThan(lane, Vector256.Create(inChunk));
                    var sumBase = Vector256.Create((1 + 2 * lag) * LowerSpreadHistogram.Bins) + lane * (2 * LowerSpreadHistogram.Bins);
                    var differenceBase = sumBase + Vector256.Create(LowerSpreadHistogram.Bins);
                    var sink = Vector256.Create(counts.Length - 1);
                    var pairs = Vector256<int>.Zero;
                    for (var k = 0; k < samples; k++)
                    {
                        var a = Vector256.Create(_sampleZ[k]);
                        var b = Vector256.Create(partners[(_pad + _sampleX[k] + dx)..]);
                        var valid = Vector256.Equals(b, b).AsInt32() & used;
                        pairs -= valid;
                        Vector256.ConditionalSelect(valid, sumBase + LowerSpreadHistogram.BinsOf(a + b), sink).CopyTo(at);
                        Vector256.ConditionalSelect(valid, differenceBase + LowerSpreadHistogram.BinsOf(a - b), sink).CopyTo(at[lanes..]);
                        for (var l = 0; l < inChunk; l++)
                        {
                            counts[at[l]]++;
                            counts[at[lanes + l]]++;
                        }
                    }
                    for (var l = 0; l < inChunk; l++) _result.Pairs[lag + l] += pairs[l];
                }
            }
        }

        /// <summary>Index of lag (dx, dy) in <see cref="LagOffsets"/> order.</summary>
        private int LagIndex(int dx, int dy) => dy == 0 ? dx - 1 : _reach + (dy - 1) * (2 * _reach + 1) + dx + _reach;
    }
}
