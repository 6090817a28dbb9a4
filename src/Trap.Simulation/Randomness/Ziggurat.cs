namespace Trap.Simulation.Randomness;

/// <summary>
/// Standard normal deviates by Marsaglia and Tsang's ziggurat with 128 layers, in Doornik's (2005)
/// ZIGNOR form: most draws cost one random word and a multiply, several times faster than Box–Muller.
/// </summary>
internal static class Ziggurat
{
    private const int Layers = 128;
    private const double TailStart = 3.442619855899;
    private const double LayerArea = 9.91256303526217e-3;

    private static readonly double[] X = new double[Layers + 1];
    private static readonly double[] Ratio = new double[Layers];

    static Ziggurat()
    {
        var f = Math.Exp(-0.5 * TailStart * TailStart);
        X[0] = LayerArea / f; // the base layer, with the tail beyond TailStart folded in
        X[1] = TailStart;
        X[Layers] = 0.0;
        for (var i = 2; i < Layers; i++)
        {
            X[i] = Math.Sqrt(-2.0 * Math.Log(LayerArea / X[i - 1] + f));
            f = Math.Exp(-0.5 * X[i] * X[i]);
        }
        for (var i = 0; i < Layers; i++) Ratio[i] = X[i + 1] / X[i];
    }

    public static double Next(Xoshiro256 rng)
    {
        while (true)
        {
            var bits = rng.NextUInt64();
            // Top 53 bits give u in [−1, 1); the low 7 bits (unused by u) pick the layer.
            var u = 2.0 * ((bits >> 11) * (1.0 / (1UL << 53))) - 1.0;
            var layer = (int)(bits & (Layers - 1));
            if (Math.Abs(u) < Ratio[layer]) return u * X[layer];
            if (layer == 0) return Tail(rng, u < 0);
            var x = u * X[layer];
            var f0 = Math.Exp(-0.5 * (X[layer] * X[layer] - x * x));
            var f1 = Math.Exp(-0.5 * (X[layer + 1] * X[layer + 1] - x * x));
            if (f1 + rng.NextDouble() * (f0 - f1) < 1.0) return x;
        }
    }

    /// <summary>A deviate beyond ±TailStart (Marsaglia's tail method).</summary>
    private static double Tail(Xoshiro256 rng, bool negative)
    {
        double x, y;
        do
        {
            x = Math.Log(rng.NextDoubleNonZero()) / TailStart;
            y = Math.Log(rng.NextDoubleNonZero());
        }
        while (-2.0 * y < x * x);
        return negative ? x - TailStart : TailStart - x;
    }
}
