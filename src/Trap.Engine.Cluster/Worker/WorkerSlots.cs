namespace Trap.Engine.Cluster.Worker;

/// <summary>The cores a worker process lends to tasks: requests beyond them wait their turn.</summary>
public sealed class WorkerSlots
{
    private readonly SemaphoreSlim _free;

    public WorkerSlots(int cores)
    {
        if (cores < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(cores), cores, "a worker needs at least one core");
        }
        Cores = cores;
        _free = new SemaphoreSlim(cores, cores);
    }

    public int Cores { get; }

    public async Task<T> RunAsync<T>(Func<T> work)
    {
        await _free.WaitAsync();
        try
        {
            return await Task.Run(work);
        }
        finally
        {
            _free.Release();
        }
    }
}
