namespace Trap.Science.Candidates;

/// <summary>A class, the confidence in it (0.5 at the decision boundary, 1 far beyond it) and the rule that decided.</summary>
public sealed record Classification(CandidateClass Class, double Score, string Rule);
