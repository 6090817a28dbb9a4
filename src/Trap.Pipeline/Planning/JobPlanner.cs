using Trap.Science.Association;

namespace Trap.Pipeline.Planning;

/// <summary>
/// Turns header records into a <see cref="JobPlan"/>. Sky buckets are the connected groups of sky
/// regions whose fields overlap (padded by the association cone), so no pair of sources that could
/// associate is ever split between reducers: a distributed run equals the serial one record for
/// record, across RA 0/360 and the poles alike (the test is on unit vectors).
/// </summary>
public static class JobPlanner
{
    /// <summary>The plan of all <paramref name="headers"/> at once (a <see cref="GrowingPlan"/> given them in one go).</summary>
    public static JobPlan Plan(IReadOnlyList<PlanEntry> headers, AssociationConfig association) => new GrowingPlan(association).Extend(headers);
}
