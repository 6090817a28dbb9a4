using Trap.Formats.Wcs;
using Trap.Simulation.Sky;

namespace Trap.Simulation.Planning;

/// <summary>
/// One field of the survey. Every image of a pointing shares the same pixel grid and WCS, built from
/// the very header cards the images carry, so truth positions and pixels agree exactly.
/// </summary>
public sealed record Pointing(int Index, string Name, SkyPosition Centre, CelestialWcs Wcs);
