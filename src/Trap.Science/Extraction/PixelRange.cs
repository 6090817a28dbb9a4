using System.Numerics;

namespace Trap.Science.Extraction;

/// <summary>Smallest and largest pixel value, NaN left out, a vector at a time.</summary>
public static class PixelRange
{
    /// <summary>(min, max) of the non-NaN values; (+∞, −∞) when there are none.</summary>
    public static (float Min, float Max) Of(ReadOnlySpan<float> values)
    {
        var min = float.PositiveInfinity;
        var max = float.NegativeInfinity;
        var i = 0;
        if (Vector.IsHardwareAccelerated && values.Length >= Vector<float>.Count)
        {
            // Comparisons are false for NaN, so a NaN lane keeps its previous extreme (as the scalar test).
            var vMin = new Vector<float>(float.PositiveInfinity);
            var vMax = new Vector<float>(float.NegativeInfinity);
            for (; i <= values.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = new Vector<float>(values[i..]);
                vMin = Vector.ConditionalSelect(Vector.LessThan(v, vMin), v, vMin);
                vMax = Vector.ConditionalSelect(Vector.GreaterThan(v, vMax), v, vMax);
            }
            for (var k = 0; k < Vector<float>.Count; k++)
            {
                if (vMin[k] < min) min = vMin[k];
                if (vMax[k] > max) max = vMax[k];
            }
        }
        for (; i < values.Length; i++)
        {
            var v = values[i];
            if (v < min) min = v;
            if (v > max) max = v;
        }
        return (min, max);
    }
}
