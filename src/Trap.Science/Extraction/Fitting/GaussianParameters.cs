namespace Trap.Science.Extraction.Fitting;

/// <summary>
/// An elliptical Gaussian in pixel space (docs/science.md §4.1): peak, centre, semi-axes (HWHM, pixels) and
/// θ (radians, from +y towards −x):
/// G = P·exp(−ln2·[((cosθ·dx + sinθ·dy)/smin)² + ((cosθ·dy − sinθ·dx)/smaj)²]).
/// </summary>
public readonly record struct GaussianParameters(double Peak, double X, double Y, double SemiMajor, double SemiMinor, double Theta)
{
    public double Evaluate(double x, double y)
    {
        var (sin, cos) = Math.SinCos(Theta);
        double dx = x - X, dy = y - Y;
        var u = (cos * dx + sin * dy) / SemiMinor;
        var v = (cos * dy - sin * dx) / SemiMajor;
        return Peak * Math.Exp(-Math.Log(2) * (u * u + v * v));
    }

    public bool IsFinite =>
        double.IsFinite(Peak) && double.IsFinite(X) && double.IsFinite(Y) &&
        double.IsFinite(SemiMajor) && double.IsFinite(SemiMinor) && double.IsFinite(Theta);
}
