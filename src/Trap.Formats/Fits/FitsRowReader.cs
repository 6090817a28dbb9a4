using System.Buffers;

namespace Trap.Formats.Fits;

/// <summary>
/// Reads chosen rows of one image plane without the rest: a plain file seeks to each row block, a
/// gzip file (which cannot seek) reads past the rows before it, so rows must then be asked for in
/// increasing order. Values are float32 physical values as <see cref="FitsFile.ReadImage(string)"/>
/// gives them (BSCALE/BZERO applied, integer BLANK as NaN). For postage stamps and scaled previews,
/// which need a few rows or one pass of bounded memory rather than the whole plane at once.
/// </summary>
public sealed class FitsRowReader : IDisposable
{
    private readonly Stream _stream;
    private readonly string _file;
    private readonly FitsHduLayout _layout;
    private readonly FitsScaling _scaling;
    private readonly long _dataStart;
    private readonly long _planeOffset;
    private long _position;

    internal FitsRowReader(Stream stream, string file, long plane)
    {
        _stream = stream;
        _file = file;
        (Hdu, _layout) = FitsHduWalker.FindImage(stream, file);
        if (plane < 0 || plane >= Hdu.PlaneCount)
        {
            throw new ArgumentOutOfRangeException(nameof(plane), plane, $"{file}: the image has {Hdu.PlaneCount} plane(s).");
        }
        _scaling = FitsScaling.FromHeader(Hdu.Header, _layout.BitPix);
        _dataStart = stream.CanSeek ? stream.Position : 0;
        _planeOffset = plane * Hdu.PlaneLength * _layout.BytesPerValue;
    }

    public FitsImageHdu Hdu { get; }

    /// <summary>
    /// Fills <paramref name="destination"/> (a whole number of rows, NAXIS1 values each) with the rows
    /// from <paramref name="firstRow"/> (0-based) on.
    /// </summary>
    public void ReadRows(int firstRow, Span<float> destination)
    {
        var width = Hdu.Width;
        if (destination.Length % width != 0) throw new ArgumentException($"{destination.Length} values are not whole rows of {width}.", nameof(destination));
        var rows = destination.Length / width;
        if (firstRow < 0 || firstRow + rows > Hdu.Height)
        {
            throw new ArgumentOutOfRangeException(nameof(firstRow), firstRow, $"{_file}: rows {firstRow}..{firstRow + rows - 1} are outside 0..{Hdu.Height - 1}.");
        }
        var bytesPerValue = _layout.BytesPerValue;
        var target = _planeOffset + (long)firstRow * width * bytesPerValue;
        MoveTo(target);

        var buffer = ArrayPool<byte>.Shared.Rent(width * bytesPerValue);
        try
        {
            var row = buffer.AsSpan(0, width * bytesPerValue);
            for (var r = 0; r < rows; r++)
            {
                var got = FitsHeaderReader.ReadFully(_stream, row);
                _position += got;
                if (got < row.Length) throw FitsHduWalker.Truncated(_file, Hdu.HduIndex, _layout.DataBytes, _layout.DataBytes - _position);
                FitsPixelDecoder.Decode(row, destination.Slice(r * width, width), _layout.BitPix, _scaling);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose() => _stream.Dispose();

    private void MoveTo(long target)
    {
        if (target == _position) return;
        if (_stream.CanSeek)
        {
            _stream.Seek(_dataStart + target, SeekOrigin.Begin);
            _position = target;
            return;
        }
        if (target < _position)
        {
            throw new InvalidOperationException($"{_file} is compressed and cannot seek back: ask for its rows in increasing order.");
        }
        var skipped = FitsHduWalker.Discard(_stream, target - _position);
        _position += skipped;
        if (_position < target) throw FitsHduWalker.Truncated(_file, Hdu.HduIndex, _layout.DataBytes, _layout.DataBytes - _position);
    }
}
