using Trap.Science.Association;

namespace Trap.Science.Tests.Association;

public class TopologyResolverTests
{
    private static CandidatePair P(long x, long r, double rr) => new(x, r, rr, rr);

    [Fact]
    public void OneToOneAndManyToOneAreKeptAsSingleLinks()
    {
        // x1–r1 one-to-one; x2 matches r2 and r3, each of which has only x2: many-to-one.
        var t = TopologyResolver.Resolve(new[] { P(1, 10, 1.0), P(2, 20, 0.5), P(2, 30, 2.0) });
        Assert.Empty(t.Forks);
        Assert.Equal(new[] { P(1, 10, 1.0), P(2, 20, 0.5), P(2, 30, 2.0) }, t.OneToOne);
        Assert.Equal(new long[] { 1, 2 }, t.LinkedExtractions.OrderBy(x => x));
    }

    [Fact]
    public void OneToManyForks()
    {
        var t = TopologyResolver.Resolve(new[] { P(5, 10, 2.0), P(4, 10, 1.0) });
        var fork = Assert.Single(t.Forks);
        Assert.Equal(new long[] { 4, 5 }, fork.Select(p => p.ExtractionId));
        Assert.Empty(t.OneToOne);
    }

    [Fact]
    public void ManyToManyIsTrimmedToTheSmallestRadiusPerExtraction()
    {
        // x1: r1 (1.0), r2 (2.0); x2: r1 (3.0), r2 (0.5) → x1–r1, x2–r2.
        var t = TopologyResolver.Resolve(new[] { P(1, 10, 1.0), P(1, 20, 2.0), P(2, 10, 3.0), P(2, 20, 0.5) });
        Assert.Empty(t.Forks);
        Assert.Equal(new[] { P(1, 10, 1.0), P(2, 20, 0.5) }, t.OneToOne);
    }

    [Fact]
    public void TrimmingOnlyConsidersSourcesWithSeveralCandidates()
    {
        // x1: r1 (1.0, r1 has only x1), r2 (2.0); x2: r2 (0.5). r1 is not a multi-candidate source, so
        // x1's only restricted pair is x1–r2 and nothing is trimmed: r2 forks, r1 stays one-to-one (TraP SQL).
        var t = TopologyResolver.Resolve(new[] { P(1, 10, 1.0), P(1, 20, 2.0), P(2, 20, 0.5) });
        var fork = Assert.Single(t.Forks);
        Assert.Equal(20, fork[0].RuncatId);
        Assert.Equal(new long[] { 1, 2 }, fork.Select(p => p.ExtractionId));
        Assert.Equal(new[] { P(1, 10, 1.0) }, t.OneToOne);
    }

    [Fact]
    public void ExactTiesKeepTheSmallestRuncatId()
    {
        var t = TopologyResolver.Resolve(new[] { P(1, 20, 1.0), P(1, 10, 1.0), P(2, 10, 3.0), P(2, 20, 3.0) });
        // x1 keeps r10 (tie → smaller id); x2 keeps r10 as well (tie) → r10 forks into x1, x2.
        var fork = Assert.Single(t.Forks);
        Assert.Equal(10, fork[0].RuncatId);
        Assert.Empty(t.OneToOne);
    }

    [Fact]
    public void NearestMatchingPairsEachExtractionAndSourceAtMostOnceInIncreasingRadius()
    {
        // x1: r1 (1.0), r2 (0.4); x2: r2 (0.5); x3: r1 (2.0). By R: x1–r2, then x2–r2 is taken (r2 paired),
        // x3–r1 (r1 still free; x1 is paired). x2 is left without a pair, so it is not linked.
        var t = TopologyResolver.ResolveNearest(new[] { P(1, 10, 1.0), P(1, 20, 0.4), P(2, 20, 0.5), P(3, 10, 2.0) });
        Assert.Empty(t.Forks);
        Assert.Equal(new[] { P(1, 20, 0.4), P(3, 10, 2.0) }, t.OneToOne);
        Assert.Equal(new long[] { 1, 3 }, t.LinkedExtractions.OrderBy(x => x));
    }
}
