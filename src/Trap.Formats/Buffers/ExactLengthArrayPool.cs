using System.Runtime.CompilerServices;

namespace Trap.Formats.Buffers;

/// <summary>
/// Large arrays (image planes, masks, maps, sort scratch) kept for reuse by their exact length, so the
/// next image of the same size takes the same arrays instead of allocating on the large-object heap:
/// every such allocation counts towards a gen-2 collection, and with several workers those
/// collections, not the pixels, set the pace (docs/architecture.md, "Memory"). Unlike
/// <see cref="System.Buffers.ArrayPool{T}"/> an array rented here is exactly as long as asked, so code
/// that uses <c>array.Length</c> works unchanged. Renting without returning is allowed (the array is
/// then an ordinary allocation); returning an array still in use is the caller's bug.
/// </summary>
public sealed class ExactLengthArrayPool<T>
{
    /// <summary>Arrays below the large-object threshold are cheap gen-0 allocations and are not kept.</summary>
    public const int MinimumBytes = 85_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<int, Stack<T[]>> _free = [];
    private readonly int _perLength;
    private readonly long _maxRetainedBytes;
    private long _retainedBytes;

    /// <param name="perLength">Most arrays kept of one length.</param>
    /// <param name="maxRetainedBytes">Most bytes kept over all lengths (a job of many image sizes keeps only some).</param>
    public ExactLengthArrayPool(int perLength, long maxRetainedBytes)
    {
        _perLength = perLength;
        _maxRetainedBytes = maxRetainedBytes;
    }

    /// <summary>The process's pool: enough arrays for every core's image, forced fits and quality control at once.</summary>
    public static ExactLengthArrayPool<T> Shared { get; } = new(4 * Environment.ProcessorCount + 4, 512L << 20);

    /// <summary>An array of exactly <paramref name="length"/> elements with undefined contents.</summary>
    public T[] Rent(int length)
    {
        if (IsPooled(length))
        {
            lock (_lock)
            {
                if (_free.TryGetValue(length, out var stack) && stack.TryPop(out var array))
                {
                    _retainedBytes -= Bytes(length);
                    return array;
                }
            }
        }
        return GC.AllocateUninitializedArray<T>(length);
    }

    /// <summary>An array of exactly <paramref name="length"/> elements, all default (as <c>new T[length]</c>).</summary>
    public T[] RentCleared(int length)
    {
        var array = Rent(length);
        Array.Clear(array);
        return array;
    }

    /// <summary>Hands an array back; the caller must not use it afterwards.</summary>
    public void Return(T[] array)
    {
        if (!IsPooled(array.Length)) return;
        lock (_lock)
        {
            if (_retainedBytes + Bytes(array.Length) > _maxRetainedBytes) return;
            if (!_free.TryGetValue(array.Length, out var stack)) _free[array.Length] = stack = new Stack<T[]>();
            if (stack.Count >= _perLength) return;
            stack.Push(array);
            _retainedBytes += Bytes(array.Length);
        }
    }

    private static long Bytes(int length) => (long)length * Unsafe.SizeOf<T>();

    private static bool IsPooled(int length) => Bytes(length) >= MinimumBytes;
}
