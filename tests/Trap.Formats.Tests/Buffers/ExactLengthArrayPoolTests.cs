using Trap.Formats.Buffers;

namespace Trap.Formats.Tests.Buffers;

public sealed class ExactLengthArrayPoolTests
{
    private const int Large = 1 << 20;

    [Fact]
    public void Rented_arrays_have_exactly_the_length_asked()
    {
        var pool = new ExactLengthArrayPool<float>(4, 1L << 30);
        pool.Return(new float[Large + 1]);
        Assert.Equal(Large, pool.Rent(Large).Length);
    }

    [Fact]
    public void A_returned_array_is_rented_again_and_cleared_on_request()
    {
        var pool = new ExactLengthArrayPool<int>(4, 1L << 30);
        var first = pool.Rent(Large);
        first.AsSpan().Fill(7);
        pool.Return(first);
        var second = pool.RentCleared(Large);
        Assert.Same(first, second);
        Assert.All(second, v => Assert.Equal(0, v));
    }

    [Fact]
    public void Small_arrays_and_arrays_beyond_the_limits_are_not_kept()
    {
        var pool = new ExactLengthArrayPool<byte>(1, 3L * Large / 2);
        var small = new byte[100];
        pool.Return(small);
        Assert.NotSame(small, pool.Rent(100));

        var kept = new byte[Large];
        pool.Return(kept);
        pool.Return(new byte[Large]); // beyond one per length
        Assert.Same(kept, pool.Rent(Large));
        Assert.NotSame(kept, pool.Rent(Large));
    }
}
