namespace Trap.Science.Extraction;

/// <summary>What extraction returns for one image: the sources and the range of its RMS map.</summary>
/// <param name="Sources">Sources in island order (by first pixel in row-major order).</param>
/// <param name="RmsMin">Smallest value of the RMS map over unmasked pixels (Jy/beam); NaN when all is masked.</param>
/// <param name="RmsMax">Largest value of the RMS map over unmasked pixels (Jy/beam); NaN when all is masked.</param>
public sealed record ExtractionResult(IReadOnlyList<ExtractedSource> Sources, double RmsMin, double RmsMax, Fitting.NoiseCorrelation? Correlation = null);
