namespace Trap.Simulation.Tests;

/// <summary>Small survey specs shared by the tests.</summary>
internal static class TestSurveys
{
    /// <summary>The default demo survey without bad images.</summary>
    public static SurveySpec Clean { get; } = new() { BadImages = BadImageFractions.None };

    /// <summary>Clean and noise-free: pixels are the sources alone.</summary>
    public static SurveySpec NoiseFree { get; } = Clean with { NoiseRmsJy = 0 };

    /// <summary>A trace of the TraP Gaussian (docs/science.md §4.1) at a pixel, from a truth row.</summary>
    public static double TrapGaussian(Truth.SourceTruth s, int x, int y)
    {
        var dx = x - s.X;
        var dy = y - s.Y;
        var (sin, cos) = Math.SinCos(s.ConvolvedThetaRad);
        var u = (cos * dx + sin * dy) / s.ConvolvedSemiMinorPx;
        var v = (cos * dy - sin * dx) / s.ConvolvedSemiMajorPx;
        return s.PeakJyPerBeam * Math.Exp(-Math.Log(2) * (u * u + v * v));
    }
}
