using System.Numerics;

namespace Trap.Science.Extraction;

/// <summary>Where the first NaN of a span of floats is, a vector at a time (most images and cells have none).</summary>
public static class NaNSearch
{
    /// <summary>Index of the first NaN; −1 when there is none.</summary>
    public static int IndexOfNaN(ReadOnlySpan<float> values)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i <= values.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(values[i..]);
                if (!Vector.EqualsAll(v, v)) break; // NaN is the only value unequal to itself
            }
        }
        for (; i < values.Length; i++)
        {
            if (float.IsNaN(values[i])) return i;
        }
        return -1;
    }
}
