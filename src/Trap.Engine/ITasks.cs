namespace Trap.Engine;

/// <summary>
/// A map task: a named, stateless function from one input record to one output record. Engines
/// create it with its parameterless constructor on whichever worker runs it, so it must hold no
/// state beyond what it derives from the <see cref="JobContext"/>.
/// </summary>
public interface IMapTask<TIn, TOut>
{
    TOut Run(TIn input, JobContext context);
}
