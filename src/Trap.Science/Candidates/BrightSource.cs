namespace Trap.Science.Candidates;

/// <summary>A catalogue source and its brightest average integrated flux over bands (Jy), for the bright-neighbour test.</summary>
public sealed record BrightSource(long RuncatId, double RaDeg, double DecDeg, double FluxJy);
