using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Trap.Pipeline.Streaming;

/// <summary>
/// A 128-bit key kept in place of a string the stream must remember for every image (its path): 16 bytes
/// in an array, no object per image (docs/streaming.md, "What stays bounded").
/// </summary>
public readonly record struct Hash128(ulong High, ulong Low) : IComparable<Hash128>
{
    /// <summary>XxHash128 of the text's UTF-16 code units: two texts share a key with a probability of 2^-128.</summary>
    public static Hash128 OfText(string text)
    {
        Span<byte> hash = stackalloc byte[16];
        XxHash128.Hash(MemoryMarshal.AsBytes(text.AsSpan()), hash);
        return new Hash128(BinaryPrimitives.ReadUInt64BigEndian(hash), BinaryPrimitives.ReadUInt64BigEndian(hash[8..]));
    }

    public int CompareTo(Hash128 other) => High != other.High ? High.CompareTo(other.High) : Low.CompareTo(other.Low);
}
